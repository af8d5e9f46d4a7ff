package dev.switchboard.media.rtc.worker;

import dev.switchboard.media.rtc.RtcClient;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import livekit.LivekitAgent;
import livekit.LivekitAgent.ServerMessage;
import livekit.LivekitAgent.WorkerMessage;
import okhttp3.OkHttpClient;

/**
 * The worker's state machine. Every socket callback, status tick and reconnection runs on one
 * scheduler thread ({@code loop}), so the socket, the offers and the backoff need no locks; jobs run on
 * virtual threads ({@link JobRunner}) and post their status back. Thread-safe.
 */
final class AgentWorkerImpl implements AgentWorker, WorkerSocket.Handler {

    private static final System.Logger LOG = System.getLogger(AgentWorker.class.getName());
    private static final Duration OFFER_TTL = Duration.ofSeconds(10);
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);

    private final WorkerOptions o;
    private final ScheduledExecutorService loop;
    private final OkHttpClient http;
    private final Map<String, RunningJob> jobs = new ConcurrentHashMap<>();
    private final Map<String, JobInfo> offered = new ConcurrentHashMap<>();
    private final CompletableFuture<String> registered = new CompletableFuture<>();
    private final List<WorkerMessage> unsent = new ArrayList<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong succeeded = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final Object lifecycle = new Object();
    private volatile WorkerState state = WorkerState.NEW;
    private volatile boolean draining;
    private volatile String workerId = "";
    private volatile JobRunner runner;
    private WorkerSocket socket;
    private int attempt;
    private long lastMessageNanos;

    AgentWorkerImpl(WorkerOptions options) {
        this.o = options;
        this.loop = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                .name("agent-worker" + (o.agentName().isEmpty() ? "" : "-" + o.agentName())).factory());
        this.http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ZERO)
                .pingInterval(Duration.ofSeconds(10)).build();
    }

    @Override
    public AgentWorker start() {
        synchronized (lifecycle) {
            if (state != WorkerState.NEW) {
                throw new WorkerStateException("the worker was already started (state " + state + ")");
            }
            state = WorkerState.CONNECTING;
            RtcClient rtc = o.rtc().orElseGet(RtcClient::create);
            runner = new JobRunner(o, rtc, o.rtc().isEmpty(), this);
        }
        post(this::connect);
        long every = o.statusInterval().toMillis();
        loop.scheduleAtFixedRate(this::tick, every, every, TimeUnit.MILLISECONDS);
        try {
            registered.get(o.registerTimeout().toMillis(), TimeUnit.MILLISECONDS);
            return this;
        } catch (TimeoutException e) {
            close();
            throw new WorkerRegistrationException("no registration answer from " + WorkerSocket.agentUrl(o.url())
                    .replaceFirst("\\?.*", "") + " within " + o.registerTimeout().toMillis() + " ms", 0, e);
        } catch (ExecutionException e) {
            close();
            throw e.getCause() instanceof WorkerRegistrationException w ? w
                    : new WorkerRegistrationException("registration failed: " + e.getCause(), 0, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new WorkerRegistrationException("interrupted while registering", 0, e);
        }
    }

    private void connect() {
        if (state == WorkerState.CLOSED) {
            return;
        }
        lastMessageNanos = o.time().nanos();
        socket = WorkerSocket.open(http, o.url(), WorkerTokens.worker(o), this::post, this);
    }

    @Override
    public void onOpen(WorkerSocket s) {
        if (s == socket) {
            s.send(WorkerMessage.newBuilder().setRegister(LivekitAgent.RegisterWorkerRequest.newBuilder()
                    .setType(o.jobType().wire()).setAgentName(o.agentName()).setVersion(o.version())
                    .setPingInterval((int) Math.max(1, o.statusInterval().toSeconds()))).build());
        }
    }

    @Override
    public void onMessage(WorkerSocket s, ServerMessage m) {
        if (s != socket) {
            return;
        }
        lastMessageNanos = o.time().nanos();
        switch (m.getMessageCase()) {
            case REGISTER -> registeredAs(m.getRegister().getWorkerId());
            case AVAILABILITY -> answer(m.getAvailability().getJob());
            case ASSIGNMENT -> assign(m.getAssignment());
            case TERMINATION -> {
                RunningJob job = jobs.get(m.getTermination().getJobId());
                if (job != null) {
                    job.shutdown("terminated by the server");
                }
            }
            default -> {
                // pong: liveness is already recorded
            }
        }
    }

    private void registeredAs(String id) {
        boolean again = registered.isDone();
        workerId = id;
        attempt = 0;
        state = draining ? WorkerState.DRAINING : WorkerState.REGISTERED;
        if (again) {
            reconnects.incrementAndGet();
            if (!jobs.isEmpty()) {
                socket.send(WorkerMessage.newBuilder().setMigrateJob(LivekitAgent.MigrateJobRequest.newBuilder()
                        .addAllJobIds(jobs.keySet())).build());
            }
        }
        List<WorkerMessage> backlog = List.copyOf(unsent);
        unsent.clear();
        backlog.forEach(this::send);
        sendStatus();
        LOG.log(Level.INFO, "agent worker {0} registered (agent name ''{1}'')", id, o.agentName());
        registered.complete(id);
    }

    private void answer(LivekitAgent.Job job) {
        String identity = "agent-" + job.getId();
        boolean yes = state == WorkerState.REGISTERED && !draining
                && jobs.size() + offered.size() < o.maxJobs() && load() < o.loadThreshold();
        send(WorkerMessage.newBuilder().setAvailability(LivekitAgent.AvailabilityResponse.newBuilder()
                .setJobId(job.getId()).setAvailable(yes).setParticipantIdentity(identity)
                .setParticipantName(o.agentName().isEmpty() ? "agent" : o.agentName())
                .putParticipantAttributes("lk.agent.name", o.agentName())).build());
        LOG.log(Level.DEBUG, "agent worker {0}: job {1} in room {2} offered, {3}", workerId, job.getId(),
                job.getRoom().getName(), yes ? "accepted" : "refused");
        if (yes) {
            accepted.incrementAndGet();
            offered.put(job.getId(), info(job, identity));
            loop.schedule(() -> offered.remove(job.getId()), OFFER_TTL.toMillis(), TimeUnit.MILLISECONDS);
            sendStatus();
        } else {
            refused.incrementAndGet();
        }
    }

    private void assign(LivekitAgent.JobAssignment a) {
        LivekitAgent.Job job = a.getJob();
        JobInfo info = offered.remove(job.getId());
        if (info == null) {
            info = info(job, "agent-" + job.getId());
        }
        RunningJob running = new RunningJob(info, workerId);
        jobs.put(info.id(), running);
        sendStatus();
        Thread.ofVirtual().name("agent-job-" + info.id()).start(() -> runner.run(running, a));
    }

    private JobInfo info(LivekitAgent.Job job, String identity) {
        return new JobInfo(job.getId(), job.getDispatchId(), JobType.of(job.getType()), job.getRoom().getName(),
                job.getAgentName(), job.getMetadata(), job.hasParticipant() ? job.getParticipant().getIdentity() : "",
                identity, o.time().now());
    }

    /** Called by a job thread: reports a job status (kept for the next registration if the socket is down). */
    CompletableFuture<Void> jobStatus(String jobId, LivekitAgent.JobStatus status, String error) {
        CompletableFuture<Void> sent = new CompletableFuture<>();
        post(() -> {
            send(WorkerMessage.newBuilder().setUpdateJob(LivekitAgent.UpdateJobStatus.newBuilder()
                    .setJobId(jobId).setStatus(status).setError(error)).build());
            sent.complete(null);
        });
        return sent;
    }

    /** Called by a job thread once its final status was posted. */
    void jobEnded(RunningJob job, boolean success) {
        (success ? succeeded : failed).incrementAndGet();
        jobs.remove(job.job().id());
        post(this::sendStatus);
    }

    private void send(WorkerMessage message) {
        WorkerSocket s = socket;
        if ((s == null || !s.send(message)) && message.hasUpdateJob()) {
            unsent.add(message);
        }
    }

    private void sendStatus() {
        WorkerSocket s = socket;
        if (s == null || !registered.isDone()) {
            return;
        }
        double load = load();
        s.send(WorkerMessage.newBuilder().setUpdateWorker(LivekitAgent.UpdateWorkerStatus.newBuilder()
                .setStatus(draining || load >= o.loadThreshold() ? LivekitAgent.WorkerStatus.WS_FULL
                        : LivekitAgent.WorkerStatus.WS_AVAILABLE)
                .setLoad((float) load).setJobCount(jobs.size())).build());
    }

    private double load() {
        return Math.min(1.0, (jobs.size() + offered.size()) / (double) o.maxJobs());
    }

    private void tick() {
        WorkerSocket s = socket;
        if (s == null || !registered.isDone()) {
            return;
        }
        sendStatus();
        s.send(WorkerMessage.newBuilder().setPing(LivekitAgent.WorkerPing.newBuilder()
                .setTimestamp(o.time().now().toEpochMilli())).build());
        long silentFor = o.time().nanos() - lastMessageNanos;
        long limit = Math.max(4 * o.statusInterval().toNanos(), Duration.ofSeconds(15).toNanos());
        if (silentFor > limit) {
            s.abort("no message from the server for " + silentFor / 1_000_000 + " ms");
        }
    }

    @Override
    public void onClosed(WorkerSocket s, String reason, int httpStatus) {
        if (s != socket) {
            return;
        }
        socket = null;
        if (state == WorkerState.CLOSED) {
            return;
        }
        if (!registered.isDone() && (httpStatus == 401 || httpStatus == 403)) {
            registered.completeExceptionally(new WorkerRegistrationException("LiveKit refused the worker at "
                    + WorkerSocket.agentUrl(o.url()).replaceFirst("\\?.*", "") + ": " + reason, httpStatus, null));
            return;
        }
        long delay = Math.min(250L << Math.min(attempt, 10), o.maxBackoff().toMillis());
        attempt++;
        if (registered.isDone()) {
            state = WorkerState.RECONNECTING;
        }
        LOG.log(Level.WARNING, "agent worker connection lost ({0}); reconnecting in {1} ms", reason, delay);
        loop.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    /** Test hook: drops the WebSocket as a network failure would. */
    void dropConnection() {
        post(() -> {
            WorkerSocket s = socket;
            if (s != null) {
                s.abort("connection dropped on purpose");
            }
        });
    }

    @Override
    public WorkerStatus status() {
        WorkerState now = state;
        if (draining && now == WorkerState.REGISTERED) {
            now = WorkerState.DRAINING;
        }
        return new WorkerStatus(now, workerId, load(), jobs.values().stream().map(RunningJob::job).toList(),
                accepted.get(), refused.get(), succeeded.get(), failed.get(), reconnects.get());
    }

    @Override
    public boolean drain(Duration timeout) {
        draining = true;
        post(() -> {
            if (state == WorkerState.REGISTERED) {
                state = WorkerState.DRAINING;
            }
            sendStatus();
        });
        return awaitIdle(timeout);
    }

    private boolean awaitIdle(Duration timeout) {
        long end = o.time().nanos() + timeout.toNanos();
        while (!(jobs.isEmpty() && offered.isEmpty())) {
            if (o.time().nanos() - end >= 0) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        stop(o.drainTimeout());
    }

    @Override
    public boolean stop(Duration drainTimeout) {
        synchronized (lifecycle) {
            if (state == WorkerState.CLOSED) {
                return jobs.isEmpty();
            }
            boolean drained = true;
            if (state != WorkerState.NEW && registered.isDone() && !registered.isCompletedExceptionally()) {
                drained = drain(drainTimeout);
                if (!drained) {
                    jobs.values().forEach(j -> j.shutdown("the worker is closing"));
                    awaitIdle(STOP_WAIT);
                }
            }
            state = WorkerState.CLOSED;
            post(() -> {
                WorkerSocket s = socket;
                socket = null;
                if (s != null) {
                    s.close();
                    s.awaitFinished(Duration.ofSeconds(2));
                }
            });
            loop.shutdown();
            try {
                loop.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
                http.dispatcher().executorService().shutdown();
                http.connectionPool().evictAll();
                http.dispatcher().executorService().awaitTermination(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            JobRunner r = runner;
            if (r != null) {
                r.close();
            }
            return drained;
        }
    }

    private void post(Runnable task) {
        try {
            loop.execute(task);
        } catch (RejectedExecutionException e) {
            // closed: nothing more to do
        }
    }
}
