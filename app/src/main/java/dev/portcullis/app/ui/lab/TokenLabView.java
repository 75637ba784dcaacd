package dev.portcullis.app.ui.lab;

import dev.portcullis.app.ui.CodeBlock;
import dev.portcullis.app.ui.Icons;
import dev.portcullis.app.ui.lab.TokenLabViewModel.KeySource;
import dev.portcullis.engine.trace.TokenInspection;
import dev.portcullis.engine.trace.TokenInspection.Claim;
import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.CodeArea;
import org.kordamp.ikonli.javafx.FontIcon;

/** Left: the token, its verdict, verification and claims. Right: the claims editor with mint, tamper and send. */
public final class TokenLabView {
  private final TokenLabViewModel model;
  private final SplitPane root = new SplitPane();
  private final TextArea token = new TextArea();
  private final Label summary = new Label();
  private final Label fix = new Label();
  private final ComboBox<KeySource> keySource = new ComboBox<>();
  private final TextField key = new TextField();
  private final TableView<Claim> claims = new TableView<>();
  private final StackPane header = new StackPane();
  private final CodeArea editor = CodeBlock.editable(true);
  private final ComboBox<String> issuer = new ComboBox<>();

  public TokenLabView(TokenLabViewModel model) {
    this.model = model;
    root.getItems().setAll(left(), right());
    root.setDividerPositions(0.64);
    root.setId("tokenLab");
    bind();
  }

  public Parent root() {
    return root;
  }

  private VBox left() {
    token.setId("labToken");
    token.setPromptText("Paste a JWT (with or without 'Bearer ')");
    token.setWrapText(true);
    token.setPrefRowCount(4);
    token.getStyleClass().add("mono");
    summary.setId("labSummary");
    summary.setWrapText(true);
    summary.getStyleClass().add("text-bold");
    summary.setMinHeight(Label.USE_PREF_SIZE);
    fix.setId("labFix");
    fix.setWrapText(true);
    fix.getStyleClass().add("text-muted");
    fix.setMinHeight(Label.USE_PREF_SIZE);
    keySource.setId("labKeySource");
    keySource.getItems().setAll(KeySource.values());
    keySource.setConverter(converter());
    key.setId("labKey");
    HBox.setHgrow(key, Priority.ALWAYS);
    Button verify = new Button("Verify", new FontIcon("mdi2s-shield-check-outline"));
    verify.setId("labVerify");
    verify.setOnAction(e -> model.verify());
    ProgressIndicator busy = new ProgressIndicator();
    busy.setPrefSize(20, 20);
    busy.visibleProperty().bind(model.busyProperty());
    keySource.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    verify.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    HBox verifyRow = new HBox(6, keySource, key, verify, busy);
    verifyRow.setAlignment(Pos.CENTER_LEFT);
    claims.setId("labClaims");
    claims.getColumns().setAll(column("Claim", 120, Claim::name), column("Value", 150, c -> dev.portcullis.app.ui.trace.TraceViewModel.asTime(c.name(), c.value())),
        column("Meaning", 260, c -> c.time().isEmpty() ? c.meaning() : c.meaning() + " — " + c.time()));
    claims.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    claims.getColumns().get(0).setMinWidth(100);
    claims.getColumns().get(1).setMinWidth(110);
    Label none = new Label("Paste a token above to see its claims explained.");
    none.setWrapText(true);
    none.setPadding(new javafx.geometry.Insets(10));
    claims.setPlaceholder(none);
    VBox.setVgrow(claims, Priority.ALWAYS);
    header.setPrefHeight(96);
    header.setMinHeight(96);
    VBox box = new VBox(8, heading("Token"), token, summary, fix, heading("Verify the signature"), verifyRow,
        heading("Header"), header, heading("Claims"), claims);
    box.setPadding(new Insets(10));
    return box;
  }

  private VBox right() {
    editor.setId("labClaimsEditor");
    VirtualizedScrollPane<CodeArea> scroll = new VirtualizedScrollPane<>(editor);
    VBox.setVgrow(scroll, Priority.ALWAYS);
    issuer.setId("labIssuer");
    issuer.setPromptText("local issuer");
    issuer.setItems(model.issuers());
    issuer.valueProperty().bindBidirectional(model.issuerProperty());
    Button mint = button("Re-sign", "labMint", "mdi2d-draw-pen", model::mint);
    Button tamper = button("Tamper", "labTamper", "mdi2a-alert-octagon-outline", model::tamper);
    Button send = button("Send with this token", "labSend", "mdi2s-send", model::sendWithToken);
    send.getStyleClass().add("accent");
    for (Button b : new Button[] {mint, tamper, send}) {
      b.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    }
    issuer.setMinWidth(130);
    javafx.scene.layout.FlowPane actions = new javafx.scene.layout.FlowPane(6, 6, issuer, mint, tamper, send);
    Label hint = new Label("Edit the claims, then Re-sign with a local issuer's published key, or Tamper to keep the old "
        + "signature (verification must then fail). Send puts the token on the current request as its bearer.");
    hint.setWrapText(true);
    hint.getStyleClass().add("text-muted");
    hint.setMinHeight(Label.USE_PREF_SIZE);
    VBox box = new VBox(8, heading("Edit claims"), scroll, actions, hint);
    box.setPadding(new Insets(10));
    box.setMinWidth(220); // the actions wrap rather than squeeze the decoded claims beside them
    return box;
  }

  private void bind() {
    token.textProperty().bindBidirectional(model.tokenProperty());
    key.textProperty().bindBidirectional(model.keyProperty());
    keySource.valueProperty().bindBidirectional(model.keySourceProperty());
    model.inspectionProperty().addListener((obs, old, now) -> show(now));
    model.claimsProperty().addListener((obs, old, now) -> {
      if (!now.equals(editor.getText())) {
        editor.replaceText(now);
      }
    });
    editor.textProperty().addListener((obs, old, now) -> model.claimsProperty().set(now));
    // built on first show: show what the model already holds
    editor.replaceText(model.claimsProperty().get());
    show(model.inspectionProperty().get());
  }

  private void show(TokenInspection inspection) {
    summary.setText(inspection == null ? "" : inspection.summary());
    summary.setGraphic(inspection == null ? null : Icons.outcome(inspection.outcome()));
    fix.setText(inspection == null ? "" : inspection.joseNote().isEmpty() ? inspection.fix()
        : (inspection.fix().isEmpty() ? "" : inspection.fix() + "\n") + inspection.joseNote());
    claims.getItems().setAll(inspection == null ? java.util.List.of() : inspection.claims());
    header.getChildren().setAll(inspection == null || inspection.headerJson().isEmpty() ? new Label("—")
        : CodeBlock.readOnly(inspection.headerJson(), true, 96));
  }

  private static Button button(String text, String id, String icon, Runnable action) {
    Button button = new Button(text, new FontIcon(icon));
    button.setId(id);
    button.setOnAction(e -> action.run());
    return button;
  }

  private static Label heading(String text) {
    Label label = new Label(text);
    label.getStyleClass().add("detail-heading");
    return label;
  }

  private static <T> TableColumn<T, String> column(String title, double width, Function<T, String> value) {
    TableColumn<T, String> column = new TableColumn<>(title);
    column.setPrefWidth(width);
    column.setCellValueFactory(c -> new SimpleStringProperty(value.apply(c.getValue())));
    return column;
  }

  private static StringConverter<KeySource> converter() {
    return new StringConverter<>() {
      public String toString(KeySource s) {
        return s == null ? "" : switch (s) {
          case JWKS_URL -> "JWKS URL";
          case ISSUER -> "Issuer";
          case PASTED_KEY -> "Pasted key";
        };
      }

      public KeySource fromString(String s) {
        return null;
      }
    };
  }
}
