package org.acceso.request.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

/** {@code request.*} settings. */
@ConfigMapping(prefix = "request")
public interface RequestConfig {

    Tracking tracking();

    interface Tracking {
        /** Prefix of tracking numbers: {@code <prefix>-<year>-<6 digits>}. */
        @WithDefault("AIP")
        String prefix();

        /** The zone whose calendar year numbers the requests, and in which due dates are shown. */
        @WithDefault("America/Argentina/Cordoba")
        ZoneId zone();
    }
}
