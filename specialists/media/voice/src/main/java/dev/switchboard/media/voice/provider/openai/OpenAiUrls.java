package dev.switchboard.media.voice.provider.openai;

import dev.switchboard.media.voice.provider.internal.Options;
import okhttp3.HttpUrl;

/** Reads the {@code base_url} option shared by the OpenAI-compatible providers. Stateless. */
final class OpenAiUrls {

    static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    private OpenAiUrls() {
    }

    static HttpUrl baseUrl(Options o) {
        String text = o.string("base_url", DEFAULT_BASE_URL);
        HttpUrl url = HttpUrl.parse(text);
        if (url == null) {
            throw o.invalid("base_url", "must be an http(s) URL such as " + DEFAULT_BASE_URL + ", got '" + text + "'");
        }
        if (url.query() != null) {
            throw o.invalid("base_url", "must not have a query string");
        }
        return url;
    }
}
