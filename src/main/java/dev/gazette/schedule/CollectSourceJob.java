package dev.gazette.schedule;

import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;

/** The Quartz job behind each source's trigger: a thin adapter that hands the source's id to collection. */
@DisallowConcurrentExecution
public final class CollectSourceJob implements Job {
    static final String GROUP = "collect";

    private final ScheduledCollection collection;

    CollectSourceJob(ScheduledCollection collection) {
        this.collection = collection;
    }

    @Override
    public void execute(JobExecutionContext context) {
        collection.collect(context.getJobDetail().getKey().getName());
    }
}
