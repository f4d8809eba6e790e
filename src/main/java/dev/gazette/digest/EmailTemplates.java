package dev.gazette.digest;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.exceptions.TemplateEngineException;
import org.thymeleaf.exceptions.TemplateProcessingException;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;
import org.thymeleaf.templateresolver.FileTemplateResolver;

/**
 * The Thymeleaf engine for emails. A template is named by its file name ({@code digest.html}, {@code digest.txt},
 * {@code layout.html}); it is read from the templates folder when it is there, else from the copy bundled with
 * Gazette. {@code *.txt} are plain-text templates, the rest HTML. Each template is parsed once per engine (the
 * engine lives for one send run) and rendered per recipient; errors name the file and line.
 */
final class EmailTemplates {
    /** Where the bundled copies of the top-level {@code templates/} folder are on the classpath. */
    static final String BUNDLED = "email-templates/";

    private final Path folder;
    private final EmailMessages messages;
    private final TemplateEngine engine = new TemplateEngine();

    EmailTemplates(Path folder) {
        this.folder = folder.toAbsolutePath().normalize();
        this.messages = new EmailMessages(this.folder, BUNDLED);

        FileTemplateResolver own = new FileTemplateResolver();
        own.setPrefix(this.folder + File.separator);
        own.setOrder(1);
        configure(own);
        ClassLoaderTemplateResolver bundled = new ClassLoaderTemplateResolver(EmailTemplates.class.getClassLoader());
        bundled.setPrefix(BUNDLED);
        bundled.setOrder(2);
        configure(bundled);

        engine.addTemplateResolver(own);
        engine.addTemplateResolver(bundled);
        engine.setMessageResolver(messages);
    }

    private static void configure(AbstractConfigurableTemplateResolver resolver) {
        resolver.setCheckExistence(true);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setTextTemplateModePatterns(Set.of("*.txt"));
        resolver.setCacheable(true);
    }

    EmailMessages messages() {
        return messages;
    }

    /** Render a template; a broken template (or message file) is a {@link DigestTemplateException} naming it. */
    String process(String template, Context context) {
        try {
            return engine.process(template, context);
        } catch (TemplateEngineException e) {
            throw new DigestTemplateException(describe(template, e), e);
        }
    }

    private String describe(String requested, TemplateEngineException e) {
        String template = requested;
        String where = "";
        if (e instanceof TemplateProcessingException p) {
            if (p.hasTemplateName()) {
                template = p.getTemplateName();
            }
            if (p.hasLineAndCol()) {
                where = ", line " + p.getLine() + ", column " + p.getCol();
            }
        }
        DigestTemplateException cause = causeOf(e);
        String problem = cause != null ? cause.getMessage() : plainMessage(e);
        return "email template " + place(template) + where + ": " + problem;
    }

    /**
     * The file a template is read from: the user's copy in the templates folder, or the bundled one. Thymeleaf's
     * errors name the resource (a file path, or a classpath name under {@link #BUNDLED}); requests name the template.
     */
    String place(String template) {
        if (template.startsWith(BUNDLED)) {
            return "bundled " + template;
        }
        Path own = folder.resolve(template);
        return Files.isRegularFile(own) ? own.toString() : "bundled " + BUNDLED + template;
    }

    private static DigestTemplateException causeOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DigestTemplateException d) {
                return d;
            }
        }
        return null;
    }

    /**
     * Thymeleaf's message without its own "(template: ...)" suffix (the file is named already), and the root
     * cause when Thymeleaf's message does not say it ("Exception evaluating OGNL expression" does not say which
     * property is missing).
     */
    private static String plainMessage(TemplateEngineException e) {
        String message = String.valueOf(e.getMessage());
        int suffix = message.lastIndexOf(" (template: ");
        if (suffix > 0) {
            message = message.substring(0, suffix);
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
            String rootMessage = root.getMessage();
            int rootSuffix = rootMessage.lastIndexOf(" (template: ");
            message += ": " + (rootSuffix > 0 ? rootMessage.substring(0, rootSuffix) : rootMessage);
        }
        return message;
    }
}
