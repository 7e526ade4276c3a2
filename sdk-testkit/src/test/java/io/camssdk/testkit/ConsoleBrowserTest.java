package io.camssdk.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import io.camssdk.json.JsonObject;
import io.camssdk.management.CamsManagementClient;
import io.camssdk.management.CreateBusinessSystemRequest;
import io.camssdk.management.CreateIntentRequest;
import io.camssdk.management.Intent;
import io.camssdk.management.OtpScheduling;
import io.camssdk.signature.SignatureVerifier;
import io.camssdk.webhook.CamsEndpoint;
import io.camssdk.webhook.EndpointRequest;
import io.camssdk.webhook.EndpointResponse;
import io.camssdk.webhook.HeaderSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver}), against a real
 * emulator and a real business system on loopback that verifies signatures with the SDK's {@link CamsEndpoint}.
 * Skipped where Chromium or chromedriver is not installed. Each test leaves a screenshot in
 * {@code target/console-screenshots/}.
 */
class ConsoleBrowserTest {
  private static final String WA = CamsEmulator.DEFAULT_WHATSAPP_CUST_SPACE_ID;
  private static final String VIBER = CamsEmulator.DEFAULT_VIBER_CUST_SPACE_ID;
  private static final Path SCREENSHOTS = Path.of("target", "console-screenshots");

  private static ChromeDriver driver;
  private static String skipReason;

  private CamsEmulator emulator;
  private CamsManagementClient cams;
  private BusinessSystem business;

  @BeforeAll
  static void startChromium() throws IOException {
    Path chromium = Path.of(envOr("CAMS_TEST_CHROMIUM", "/usr/bin/chromium"));
    Path chromedriver = Path.of(envOr("CAMS_TEST_CHROMEDRIVER", "/usr/bin/chromedriver"));
    if (!Files.isExecutable(chromium) || !Files.isExecutable(chromedriver)) {
      // Each test then skips with this message (an assumption here would hide it: surefire counts no test at all).
      skipReason = "console browser test skipped: no " + (Files.isExecutable(chromium) ? chromedriver : chromium)
          + " (install Debian's chromium and chromium-driver: apt-get install -y chromium chromium-driver)";
      System.err.println(skipReason);
      return;
    }
    Path profile = Files.createTempDirectory("cams-console-chromium");
    ChromeOptions options = new ChromeOptions()
        .setBinary(chromium.toString())
        .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage", "--window-size=1280,800", "--user-data-dir=" + profile);
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(chromedriver.toFile())
        .usingAnyFreePort()
        .build();
    driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(5));
    Files.createDirectories(SCREENSHOTS);
  }

  private static String envOr(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }

  @AfterAll
  static void quitChromium() {
    if (driver != null) {
      driver.quit();
    }
  }

  @BeforeEach
  void start() {
    assumeTrue(driver != null, skipReason);
    emulator = CamsEmulator.builder().deliveryTimeout(Duration.ofSeconds(2)).backoffBase(Duration.ofMillis(20))
        .build().start();
    cams = emulator.managementClientBuilder().build();
    viewport(1280, 800);
  }

  @AfterEach
  void stop(TestInfo test) throws IOException {
    if (driver != null && emulator != null) {
      screenshot(test.getTestMethod().orElseThrow().getName() + ".png");
    }
    if (emulator != null) {
      emulator.close();
    }
    if (business != null) {
      business.close();
    }
  }

  // ---- the facts ----

  @Test
  void rootRedirectsToTheConsoleWhichListsEveryChannel() {
    driver.get(emulator.url() + "/");
    waitForConsole();
    assertThat(driver.getCurrentUrl()).isEqualTo(emulator.consoleUrl().toString());
    assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Service Settings");
    assertThat(new Select(driver.findElement(By.id("channel"))).getOptions())
        .extracting(WebElement::getText)
        .containsExactly(WA + " (WhatsApp)", VIBER + " (Viber)");
  }

  @Test
  void businessSystemOpenedInTheConsoleIsListedByTheManagementApiWithItsTokenShownOnce() {
    openConsole(WA);
    String id = openBusinessSystem("Orders", "https://orders.example.com/cams/intents", "Order back end");

    String token = text(By.cssSelector("article[data-system-id='" + id + "'] [data-testid=token]"));
    assertThat(emulator.signatureTokens(id)).containsExactly(token);
    assertThat(text(By.cssSelector("article[data-system-id='" + id + "'] [data-testid=signature-hint]")))
        .endsWith(token.substring(token.length() - 4));
    assertThat(cams.listBusinessSystems(WA)).singleElement().satisfies(s -> {
      assertThat(s.systemName()).isEqualTo("Orders");
      assertThat(s.apiUrl()).isEqualTo("https://orders.example.com/cams/intents");
      assertThat(s.remarks()).isEqualTo("Order back end");
    });

    driver.navigate().refresh();
    waitForConsole();
    WebElement reloaded = waitFor(By.cssSelector("article[data-system-id='" + id + "']"));
    assertThat(reloaded.getText()).doesNotContain(token).contains(token.substring(token.length() - 4));
  }

  @Test
  void apiRejectionIsShownNextToTheFieldItNames() {
    openConsole(WA);
    driver.findElement(By.id("open-system")).click();
    driver.findElement(By.id("system-name")).sendKeys("Orders");
    driver.findElement(By.id("system-url")).sendKeys("http://orders.example.com/cams");
    driver.findElement(By.id("system-save")).click();
    WebElement error = waitVisible(By.id("system-url-error"));
    assertThat(error.getText()).startsWith("ApiUrl must use https");
    assertThat(driver.findElement(By.id("system-url")).getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(cams.listBusinessSystems(WA)).isEmpty();
  }

  @Test
  void refreshedSignatureKeepsOldTokenValidDuringGracePeriod() throws Exception {
    business = new BusinessSystem();
    openConsole(WA);
    String id = openBusinessSystem("Orders", business.url(), "");
    String oldToken = text(By.cssSelector("article[data-system-id='" + id + "'] [data-testid=token]"));
    business.acceptOnly(List.of(oldToken)); // the business system has not deployed the new token yet
    cams.createIntent(CreateIntentRequest.builder().custSpaceId(WA).businessSystemId(id).intentCode("ORDER_STATUS")
        .intentName("Order status").defaultIntentData(Map.of("lang", "en")).build());

    click(By.cssSelector("article[data-system-id='" + id + "'] [data-action=refresh-signature]"));
    waitVisible(By.id("confirm-ok")).click();
    WebElement grace = waitFor(By.cssSelector("article[data-system-id='" + id + "'] [data-testid=grace]"));
    assertThat(grace.getText()).startsWith("The previous token stays valid until");
    String newToken = text(By.cssSelector("article[data-system-id='" + id + "'] [data-testid=token]"));
    assertThat(newToken).isNotEqualTo(oldToken);
    assertThat(emulator.signatureTokens(id)).containsExactly(newToken, oldToken);

    trigger(id, "ORDER_STATUS", "{\"orderId\":\"A-1001\"}");
    WebElement row = waitForLogRow("DELIVERED");
    assertThat(row.getText()).contains("Intent ORDER_STATUS").contains("200").contains("OK");
    assertThat(business.verifiedWith()).containsExactly(oldToken);
  }

  @Test
  void intentWithInvalidJsonShowsAnInlineErrorAndValidJsonIsSavedForListIntents() throws IOException {
    String id = cams.createBusinessSystem(CreateBusinessSystemRequest.builder().custSpaceId(WA).systemName("Orders")
        .apiUrl("https://orders.example.com/cams").build()).businessSystemId();
    openConsole(WA);
    click(By.cssSelector("article[data-system-id='" + id + "'] [data-action=add-intent]"));
    driver.findElement(By.id("intent-code")).sendKeys("ORDER_STATUS");
    driver.findElement(By.id("intent-name")).sendKeys("Order status");
    WebElement data = driver.findElement(By.id("intent-data"));
    data.clear();
    data.sendKeys("{\"lang\": \"en\",");
    driver.findElement(By.id("intent-save")).click();

    WebElement error = waitVisible(By.id("intent-data-error"));
    assertThat(error.getText()).isEqualTo("DefaultIntentData must be a JSON object");
    assertThat(data.getAttribute("aria-invalid")).isEqualTo("true");
    assertThat(driver.findElement(By.id("intent-dialog")).isDisplayed()).isTrue();
    screenshot("intent-inline-error.png");
    assertThat(cams.listIntents(WA, id, 1, 20).intents()).isEmpty();

    data.clear();
    data.sendKeys("{\"lang\": \"en\", \"channel\": \"whatsapp\"}");
    driver.findElement(By.id("intent-save")).click();
    waitFor(By.cssSelector("article[data-system-id='" + id + "'] tr[data-intent-code=ORDER_STATUS]"));
    assertThat(cams.listIntents(WA, id, 1, 20).intents()).singleElement().satisfies(intent -> {
      assertThat(intent.intentName()).isEqualTo("Order status");
      assertThat(intent.defaultIntentData().asMap()).containsEntry("lang", "en").containsEntry("channel", "whatsapp");
    });
  }

  @Test
  void intentCreatedThroughTheManagementApiAppearsInTheOpenConsole() {
    String id = cams.createBusinessSystem(CreateBusinessSystemRequest.builder().custSpaceId(WA).systemName("Orders")
        .apiUrl("https://orders.example.com/cams").build()).businessSystemId();
    openConsole(WA);
    cams.createIntent(CreateIntentRequest.builder().custSpaceId(WA).businessSystemId(id).intentCode("REFUND")
        .intentName("Refund").defaultIntentData(Map.of("currency", "SGD")).build());
    WebElement row = waitFor(By.cssSelector("article[data-system-id='" + id + "'] tr[data-intent-code=REFUND]"));
    assertThat(row.getText()).contains("Refund").contains("SGD");
  }

  @Test
  void smsToggleChangesTheChannelsServiceSettings() {
    openConsole(WA);
    WebElement toggle = driver.findElement(By.id("sms-activated"));
    assertThat(toggle.isSelected()).isFalse();
    toggle.sendKeys(Keys.SPACE); // a switch is a checkbox: Space toggles it
    new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> cams.getServiceSettings(WA).smsActivated());
    toggle.click();
    new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> !cams.getServiceSettings(WA).smsActivated());
    assertThat(cams.getServiceSettings(VIBER).smsActivated()).isFalse();
  }

  @Test
  void otpSchedulingSavedOnWhatsAppIsWhatTheManagementApiReturns() {
    openConsole(WA);
    // The help text is written once the channel's settings have loaded: wait for it rather than race the page.
    new WebDriverWait(driver, Duration.ofSeconds(5))
        .until(d -> !d.findElement(By.id("otp-own-numbers-help")).getText().isEmpty());
    assertThat(driver.findElement(By.id("otp-own-numbers-help")).getText())
        .isEqualTo("Off: when scheduling resources are unavailable, those OTP sends fail.");
    driver.findElement(By.id("otp-enabled")).click();
    WebElement search = driver.findElement(By.id("otp-country-search"));
    search.sendKeys("Singapore");
    search.sendKeys(Keys.ENTER); // Enter picks the first match
    search.clear();
    search.sendKeys("indonesia");
    driver.findElement(By.cssSelector("label[for=country-ID]")).click();
    driver.findElement(By.id("otp-own-numbers")).click();
    assertThat(driver.findElement(By.id("otp-own-numbers-help")).getText())
        .isEqualTo("On: when scheduling resources are unavailable, your own numbers send the OTP messages.");
    assertThat(driver.findElement(By.id("otp-chips")).getText()).contains("Singapore (SG)").contains("Indonesia (ID)");
    driver.findElement(By.id("otp-save")).click();

    new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> cams.getServiceSettings(WA).otpScheduling().enabled());
    assertThat(cams.getServiceSettings(WA).otpScheduling())
        .isEqualTo(new OtpScheduling(true, List.of("SG", "ID"), true));
    assertThat(waitVisible(By.id("banner")).getText()).isEqualTo("OTP delivery scheduling saved.");
  }

  @Test
  void otpSchedulingWithoutCountriesShowsTheApisReasonInline() {
    openConsole(WA);
    driver.findElement(By.id("otp-enabled")).click();
    driver.findElement(By.id("otp-save")).click();
    assertThat(waitVisible(By.id("otp-countries-error")).getText())
        .isEqualTo("Countries must not be empty when Enabled is true");
    assertThat(cams.getServiceSettings(WA).otpScheduling().enabled()).isFalse();
  }

  @Test
  void otpSchedulingIsAbsentOnViberWithTheReason() {
    openConsole(VIBER);
    assertThat(driver.findElement(By.id("otp-form")).isDisplayed()).isFalse();
    WebElement reason = driver.findElement(By.id("otp-unsupported"));
    assertThat(reason.isDisplayed()).isTrue();
    assertThat(reason.getText()).contains("WhatsApp channels only").contains("Viber channel");
  }

  @Test
  void triggeredIntentShowsItsReplyInTheDeliveryLogWithoutReloading() throws Exception {
    business = new BusinessSystem();
    CreatedSystem system = createSystemFor(business);
    openConsole(WA);
    ((JavascriptExecutor) driver).executeScript("window.__notReloaded = true;");

    trigger(system.id(), "ORDER_STATUS", "{\"orderId\":\"A-1001\"}");
    WebElement row = waitForLogRow("DELIVERED");
    WebElement attempt = row.findElement(By.cssSelector(".attempt"));
    assertThat(attempt.getAttribute("data-status")).isEqualTo("200");
    assertThat(attempt.getText()).contains("#1").contains("200").contains("OK").contains("ms");
    row.findElement(By.tagName("summary")).click();
    assertThat(row.findElement(By.tagName("pre")).getText()).contains("shipped").contains("A-1001");
    assertThat(((JavascriptExecutor) driver).executeScript("return window.__notReloaded === true")).isEqualTo(true);
  }

  @Test
  void statusReceiptSentFromTheConsoleIsDeliveredAndLogged() throws Exception {
    business = new BusinessSystem();
    openConsole(WA);
    driver.findElement(By.id("receipt-url")).sendKeys(business.receiptUrl());
    driver.findElement(By.cssSelector("[data-push=STATUS]")).click();
    WebElement row = waitForLogRow("DELIVERED");
    assertThat(row.getText()).contains("status receipt").contains("200");
    assertThat(business.receipts()).singleElement().asString().contains("\"Status\":\"Delivered\"");
  }

  @Test
  void receiptItemsThatAreNotAJsonArrayAreRejectedNextToTheirEditor() {
    openConsole(WA);
    driver.findElement(By.id("receipt-url")).sendKeys("http://127.0.0.1:9/cams/receipts/audit");
    WebElement items = driver.findElement(By.id("receipt-items-AUDIT"));
    items.clear();
    items.sendKeys("{\"WabaId\": \"1\"}");
    driver.findElement(By.cssSelector("[data-push=AUDIT]")).click();
    assertThat(waitVisible(By.id("receipt-items-AUDIT-error")).getText())
        .isEqualTo("Items must be a non-empty JSON array of objects");
    assertThat(emulator.deliveries()).isEmpty();
  }

  @Test
  void businessSystemEditedAndIntentDeletedInTheConsoleAreWhatTheManagementApiReturns() {
    String id = cams.createBusinessSystem(CreateBusinessSystemRequest.builder().custSpaceId(WA).systemName("Orders")
        .apiUrl("https://orders.example.com/cams").build()).businessSystemId();
    for (String code : List.of("ORDER_STATUS", "REFUND")) {
      cams.createIntent(CreateIntentRequest.builder().custSpaceId(WA).businessSystemId(id).intentCode(code)
          .intentName(code).defaultIntentData(Map.of()).build());
    }
    openConsole(WA);
    click(By.cssSelector("article[data-system-id='" + id + "'] [data-action=edit-system]"));
    WebElement name = waitVisible(By.id("system-name"));
    name.clear();
    name.sendKeys("Orders v2");
    driver.findElement(By.id("system-save")).click();
    new WebDriverWait(driver, Duration.ofSeconds(5))
        .until(d -> cams.listBusinessSystems(WA).get(0).systemName().equals("Orders v2"));

    waitFor(By.xpath("//article[@data-system-id='" + id + "']//h3[text()='Orders v2']"));
    click(By.cssSelector("article[data-system-id='" + id + "'] tr[data-intent-code=REFUND] "
        + "[aria-label='Delete intent REFUND']"));
    waitVisible(By.id("confirm-ok")).click();
    new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.invisibilityOfElementLocated(
        By.cssSelector("article[data-system-id='" + id + "'] tr[data-intent-code=REFUND]")));
    assertThat(cams.listIntents(WA, id, 1, 20).intents()).extracting(Intent::intentCode)
        .containsExactly("ORDER_STATUS");

    click(By.cssSelector("article[data-system-id='" + id + "'] [data-action=delete-system]"));
    waitVisible(By.id("confirm-ok")).click();
    waitVisible(By.id("systems-empty"));
    assertThat(cams.listBusinessSystems(WA)).isEmpty();
  }

  @Test
  void businessSystemCanBeOpenedWithTheKeyboardAlone() {
    openConsole(WA);
    driver.findElement(By.id("channel")).sendKeys(Keys.TAB);
    assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("open-system");
    driver.switchTo().activeElement().sendKeys(Keys.ENTER);
    waitVisible(By.id("system-dialog"));
    assertThat(driver.switchTo().activeElement().getAttribute("id")).isEqualTo("system-name");
    driver.switchTo().activeElement().sendKeys("Keyboard", Keys.TAB);
    driver.switchTo().activeElement().sendKeys("https://kbd.example.com/cams", Keys.ENTER);
    new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> cams.listBusinessSystems(WA).size() == 1);
    assertThat(cams.listBusinessSystems(WA).get(0).systemName()).isEqualTo("Keyboard");

    driver.findElement(By.id("open-system")).sendKeys(Keys.ENTER);
    waitVisible(By.id("system-dialog"));
    driver.switchTo().activeElement().sendKeys(Keys.ESCAPE);
    new WebDriverWait(driver, Duration.ofSeconds(5))
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id("system-dialog")));
  }

  @Test
  void everyControlHasALabel() {
    openConsole(WA);
    Object unlabelled = ((JavascriptExecutor) driver).executeScript(
        "return [...document.querySelectorAll('input, select, textarea')]"
            + ".filter(e => e.labels.length === 0 && !e.getAttribute('aria-label')).map(e => e.id || e.name);");
    assertThat((List<?>) unlabelled).isEmpty();
  }

  @Test
  void consoleReadsWellAtDesktopAndPhoneSizes() throws Exception {
    business = new BusinessSystem();
    CreatedSystem system = createSystemFor(business);
    cams.createIntent(CreateIntentRequest.builder().custSpaceId(WA).businessSystemId(system.id())
        .intentCode("REFUND").intentName("Refund").defaultIntentData(Map.of("currency", "SGD")).build());
    cams.modifySmsActivation(WA, true);
    cams.modifyOtpScheduling(WA, new OtpScheduling(true, List.of("SG", "MY", "ID"), false));
    cams.refreshBusinessSystemSignature(WA, system.id());
    emulator.triggerIntent(WA, system.id(), "ORDER_STATUS", JsonObject.of(Map.of("orderId", "A-1001")))
        .await(Duration.ofSeconds(5));
    openConsole(WA);
    waitForLogRow("DELIVERED");
    screenshot("console-1280x800.png");
    Number width = (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
    assertThat(width.intValue()).isLessThanOrEqualTo(1280);

    scrollTo("log-title");
    screenshot("console-log-1280x800.png");

    viewport(390, 844);
    driver.navigate().refresh();
    waitForConsole();
    waitForLogRow("DELIVERED");
    ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)"); // a reload keeps the scroll position
    screenshot("console-390x844.png");
    width = (Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollWidth");
    assertThat(width.intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(390);
    scrollTo("log-title");
    screenshot("console-log-390x844.png");
  }

  // ---- helpers ----

  private void viewport(int width, int height) {
    driver.manage().window().setSize(new Dimension(width, height));
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
        "deviceScaleFactor", 1, "mobile", width < 600));
  }

  private void scrollTo(String id) {
    ((JavascriptExecutor) driver).executeScript("document.getElementById(arguments[0]).scrollIntoView()", id);
  }

  private void openConsole(String custSpaceId) {
    driver.get(emulator.consoleUrl() + "?channel=" + custSpaceId);
    waitForConsole();
  }

  private void waitForConsole() {
    // The page marks the end of a channel's first drawing (systems, intents and settings all read).
    new WebDriverWait(driver, Duration.ofSeconds(10)).until(d ->
        !d.findElements(By.cssSelector("#channel option")).isEmpty()
            && !d.findElements(By.cssSelector("body[data-loaded]")).isEmpty());
  }

  private String openBusinessSystem(String name, String url, String remarks) {
    driver.findElement(By.id("open-system")).click();
    waitVisible(By.id("system-name")).sendKeys(name);
    driver.findElement(By.id("system-url")).sendKeys(url);
    driver.findElement(By.id("system-remarks")).sendKeys(remarks);
    driver.findElement(By.id("system-save")).click();
    WebElement card = waitFor(By.xpath("//article[.//h3[text()='" + name + "']]"));
    waitFor(By.cssSelector("article[data-system-id='" + card.getAttribute("data-system-id")
        + "'] [data-testid=token]"));
    return card.getAttribute("data-system-id");
  }

  /** Clicks what {@code by} finds, again if the page redrew it meanwhile (cards are redrawn when state changes). */
  private void click(By by) {
    new WebDriverWait(driver, Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchElementException.class).until(d -> {
          d.findElement(by).click();
          return true;
        });
  }

  /** The text of what {@code by} finds, read again if the page redrew it meanwhile. */
  private String text(By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(5)).ignoring(StaleElementReferenceException.class)
        .ignoring(NoSuchElementException.class).until(d -> d.findElement(by).getText());
  }

  private void trigger(String systemId, String intentCode, String data) {
    click(By.cssSelector("article[data-system-id='" + systemId + "'] tr[data-intent-code=" + intentCode
        + "] [data-action=trigger-intent]"));
    WebElement textarea = waitVisible(By.id("trigger-data"));
    textarea.clear();
    textarea.sendKeys(data);
    driver.findElement(By.id("trigger-send")).click();
  }

  private WebElement waitForLogRow(String outcome) {
    return new WebDriverWait(driver, Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#log tr[data-outcome=" + outcome + "]")));
  }

  private WebElement waitFor(By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.presenceOfElementLocated(by));
  }

  private WebElement waitVisible(By by) {
    return new WebDriverWait(driver, Duration.ofSeconds(5)).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  private void screenshot(String name) throws IOException {
    Path file = driver.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(file, SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  private record CreatedSystem(String id, String token) {}

  private CreatedSystem createSystemFor(BusinessSystem business) {
    var created = cams.createBusinessSystem(CreateBusinessSystemRequest.builder().custSpaceId(WA)
        .systemName("Orders").apiUrl(business.url()).remarks("Order back end on loopback").build());
    business.acceptOnly(List.of(created.signature()));
    cams.createIntent(CreateIntentRequest.builder().custSpaceId(WA).businessSystemId(created.businessSystemId())
        .intentCode("ORDER_STATUS").intentName("Order status").defaultIntentData(Map.of("lang", "en")).build());
    return new CreatedSystem(created.businessSystemId(), created.signature());
  }

  /**
   * A business system on loopback: intent calls verified by the SDK's {@link CamsEndpoint} against the tokens it
   * has deployed; receipts recorded.
   */
  private static final class BusinessSystem implements AutoCloseable {
    private final HttpServer server;
    private final AtomicReference<List<String>> tokens = new AtomicReference<>(List.of("not-deployed-yet"));
    private final List<String> verifiedWith = new CopyOnWriteArrayList<>();
    private final List<String> receipts = new CopyOnWriteArrayList<>();

    BusinessSystem() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
      server.createContext("/cams/intents", exchange -> {
        try (exchange) {
          List<String> deployed = tokens.get();
          CamsEndpoint endpoint = CamsEndpoint.builder()
              .verifier(SignatureVerifier.builder().tokens(deployed).build())
              .onIntent("ORDER_STATUS", call -> Map.of("status", "shipped",
                  "orderId", call.intentData().getString("orderId")))
              .build();
          EndpointResponse reply = endpoint.handleIntent(new EndpointRequest(exchange.getRequestMethod(),
              exchange.getRequestHeaders().getFirst("Content-Type"),
              HeaderSource.ofMulti(exchange.getRequestHeaders()), -1, exchange.getRequestBody()));
          if (reply.signature() != null) {
            verifiedWith.add(deployed.get(reply.signature().tokenIndex()));
          }
          exchange.getResponseHeaders().set("Content-Type", EndpointResponse.CONTENT_TYPE);
          exchange.sendResponseHeaders(reply.status(), reply.body().length);
          exchange.getResponseBody().write(reply.body());
        }
      });
      server.createContext("/cams/receipts/status", exchange -> {
        try (exchange) {
          receipts.add(new String(exchange.getRequestBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
          byte[] ok = "{\"Code\":\"OK\",\"Message\":\"\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
          exchange.sendResponseHeaders(200, ok.length);
          exchange.getResponseBody().write(ok);
        }
      });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/cams/intents";
    }

    String receiptUrl() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/cams/receipts/status";
    }

    void acceptOnly(List<String> deployed) {
      tokens.set(List.copyOf(deployed));
    }

    List<String> verifiedWith() {
      return verifiedWith;
    }

    List<String> receipts() {
      return receipts;
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
