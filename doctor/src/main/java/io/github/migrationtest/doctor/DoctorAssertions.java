package io.github.migrationtest.doctor;

import org.assertj.core.util.CheckReturnValue;

/** The entry point of the doctor's assertions: {@code assertThat(report).isHealthy()}. */
public final class DoctorAssertions {

    private DoctorAssertions() {
    }

    /** Assertions on a doctor's report. */
    @CheckReturnValue
    public static DoctorReportAssert assertThat(DoctorReport report) {
        return new DoctorReportAssert(report);
    }
}
