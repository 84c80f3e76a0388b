package com.nightshift.schedules;

import org.springframework.http.HttpStatus;

import com.nightshift.ops.OpsAnswers;

/** The one mapping from a refused schedule operation to the status the API answers, for the API and the console. */
public final class ScheduleAnswers {

    private ScheduleAnswers() {
    }

    /** A fire refused by the job it starts is answered as the jobs API answers it. */
    public static HttpStatus statusOf(Exception refusal) {
        if (refusal instanceof UnknownScheduleException) {
            return HttpStatus.NOT_FOUND;
        }
        if (refusal instanceof ScheduleStateException || refusal instanceof FireRefusedException) {
            return HttpStatus.CONFLICT;
        }
        return refusal instanceof ScheduleFileException ? HttpStatus.BAD_REQUEST : OpsAnswers.statusOf(refusal);
    }
}
