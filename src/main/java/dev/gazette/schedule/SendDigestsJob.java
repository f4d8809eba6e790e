package dev.gazette.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/**
 * The Quartz job behind the one digest trigger: a thin adapter that asks delivery to send what is due. One
 * trigger streams every subscriber, rather than one trigger per subscriber (Quartz serialises trigger
 * acquisition, and planning is idempotent, so a job re-run after a crash sends nothing twice).
 */
@DisallowConcurrentExecution
public final class SendDigestsJob implements Job {
    static final String GROUP = "digest";
    static final String NAME = "send-due-digests";

    private final ScheduledDigests digests;

    SendDigestsJob(ScheduledDigests digests) {
        this.digests = digests;
    }

    @Override
    public void execute(JobExecutionContext context) {
        digests.sendDue();
    }
}
