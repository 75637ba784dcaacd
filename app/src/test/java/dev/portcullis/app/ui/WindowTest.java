package dev.portcullis.app.ui;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * A TestFX window test: tagged {@code ui} (headless with Monocle, see the root pom's
 * {@code surefire.ui.args}), with TestFX's stage and its {@code FxRobot} as a test parameter. The
 * workbench itself comes from a {@link WorkbenchRobot} in a {@code @RegisterExtension} field.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("ui")
@ExtendWith(ApplicationExtension.class)
public @interface WindowTest {}
