package dev.portcullis.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowSizeTest {
  private static final Rectangle2D LAPTOP = new Rectangle2D(0, 0, 1024, 700);
  private static final Rectangle2D WITH_TOP_PANEL = new Rectangle2D(0, 27, 1920, 1053);

  @Test
  void opensAt1280By800WhenNothingIsRemembered() {
    assertThat(WindowSize.remembered(UiPrefs.memory())).isEqualTo(new WindowSize(1280, 800));
  }

  @Test
  void theDefaultIsShrunkToASmallScreensUsableArea() {
    assertThat(WindowSize.DEFAULT.fittedTo(LAPTOP)).isEqualTo(new WindowSize(1024, 700));
  }

  @Test
  void aSizeLeftOnALargerMonitorIsShrunkAndOneThatFitsIsKept() {
    assertThat(remembered("2560", "1440").fittedTo(WITH_TOP_PANEL)).isEqualTo(new WindowSize(1920, 1053));
    assertThat(remembered("1100", "650").fittedTo(WITH_TOP_PANEL)).isEqualTo(new WindowSize(1100, 650));
  }

  @Test
  void aTinyRememberedSizeGrowsToTheSmallestReadableOneButNeverPastTheScreen() {
    assertThat(remembered("12", "9").fittedTo(WITH_TOP_PANEL)).isEqualTo(new WindowSize(640, 480));
    assertThat(remembered("12", "9").fittedTo(new Rectangle2D(0, 0, 600, 400))).isEqualTo(new WindowSize(600, 400));
  }

  @Test
  void aCorruptRememberedDimensionFallsBackToTheDefaultsAndTheOtherIsKept() {
    assertThat(remembered("wide", "700")).isEqualTo(new WindowSize(1280, 700));
    assertThat(remembered("NaN", "-5")).isEqualTo(new WindowSize(1280, 800));
    assertThat(remembered("Infinity", "0")).isEqualTo(new WindowSize(1280, 800));
  }

  @Test
  void theSizeTheWindowClosedAtIsWhatTheNextRunOpensAt() {
    UiPrefs prefs = UiPrefs.memory();
    new WindowSize(1111, 666).remember(prefs);
    assertThat(WindowSize.remembered(prefs)).isEqualTo(new WindowSize(1111, 666));
  }

  @Test
  void aFrameCentredAboveTheUsableAreaIsMovedDownSoItsTitleBarCanBeReached() {
    // 1024×700 of content plus a 30-pixel title bar, centred on a 1024×700 screen: y = -15
    assertThat(WindowSize.keptOn(LAPTOP, 0, -15, 1024, 730)).isEqualTo(new Rectangle2D(0, 0, 1024, 700));
    assertThat(WindowSize.keptOn(WITH_TOP_PANEL, -128, -33, 1280, 830)).isEqualTo(new Rectangle2D(0, 27, 1280, 830));
  }

  @Test
  void aFrameOnTheScreenStaysWhereItIs() {
    assertThat(WindowSize.keptOn(WITH_TOP_PANEL, 320, 140, 1280, 830)).isEqualTo(new Rectangle2D(320, 140, 1280, 830));
  }

  @Test
  void aFrameHangingOffTheRightOrBottomIsMovedBackOn() {
    assertThat(WindowSize.keptOn(WITH_TOP_PANEL, 1500, 900, 1280, 830)).isEqualTo(new Rectangle2D(640, 250, 1280, 830));
  }

  private static WindowSize remembered(String width, String height) {
    UiPrefs prefs = UiPrefs.memory();
    prefs.put("width", width);
    prefs.put("height", height);
    return WindowSize.remembered(prefs);
  }
}
