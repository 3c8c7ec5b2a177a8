package io.github.migrationtest.doctor;

import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Assertions on a {@link DoctorReport}; failure messages show the whole report. */
public final class DoctorReportAssert extends AbstractAssert<DoctorReportAssert, DoctorReport> {

    DoctorReportAssert(DoctorReport actual) {
        super(actual, DoctorReportAssert.class);
    }

    /** Verifies that a deploy would meet no problem (pending migrations are allowed). */
    public DoctorReportAssert isHealthy() {
        isNotNull();
        if (!actual.isHealthy()) {
            failWithMessage("Expecting the doctor to find no problems but it found %s:%n%s", actual.problems().size(),
                    actual.text());
        }
        return myself;
    }

    /** Verifies that the report has a finding of each kind. */
    public DoctorReportAssert hasFinding(DoctorFinding.Kind... kinds) {
        isNotNull();
        List<DoctorFinding.Kind> missing = Arrays.stream(kinds).filter(k -> actual.findings(k).isEmpty()).toList();
        if (!missing.isEmpty()) {
            failWithMessage("Expecting the doctor to find %s but it did not; its report:%n%s", missing, actual.text());
        }
        return myself;
    }

    /** Verifies that the problems found are of exactly these kinds (each at least once, no others). */
    public DoctorReportAssert hasProblemsOfKinds(DoctorFinding.Kind... kinds) {
        hasFinding(kinds);
        List<DoctorFinding.Kind> expected = Arrays.asList(kinds);
        List<DoctorFinding> others = actual.problems().stream().filter(f -> !expected.contains(f.kind())).toList();
        if (!others.isEmpty()) {
            failWithMessage("Expecting the doctor to find only problems of kinds %s but it also found %s; its report:%n%s",
                    expected, others.stream().map(DoctorFinding::kind).distinct().toList(), actual.text());
        }
        return myself;
    }
}
