package io.restmachine.orm.cli.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.restmachine.dynamodb.embedded.ServerHandle;
import io.restmachine.dynamodb.embedded.ServerOptions;
import io.restmachine.dynamodb.embedded.peer.PeerCheck;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;

/**
 * The console against a server that requires signed requests (what {@code serve --require-auth}
 * runs): it asks for an access key, signs every request with it (SigV4 in the page), shows the
 * server's refusal of a wrong secret, and signs as well with its own SHA-256 and HMAC, which it
 * uses where WebCrypto is missing (pages not on a secure origin).
 */
class ConsoleSigningBrowserTest {
    @RegisterExtension
    static final PeerCheck CHROMIUM = Chromium.CHECK;

    @TempDir
    static Path profile;

    private static ConsoleSession session;
    private static ConsolePage page;
    private static ServerHandle server;

    @RegisterExtension
    final ScreenshotOnFailure screenshots = new ScreenshotOnFailure(() -> session == null ? null : page.driver());

    @BeforeAll
    static void start() {
        session = ConsoleSession.start(
                ServerOptions.port(0).withAccessKey("AKIDLOCAL", "local-secret"), "AKIDLOCAL", "local-secret", profile);
        page = session.page;
        server = session.server;
        session.client.createTable(b -> b.tableName("private")
                .billingMode("PAY_PER_REQUEST")
                .keySchema(k -> k.attributeName("pk").keyType("HASH"))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType("S")));
    }

    @AfterAll
    static void stop() {
        if (session != null) {
            session.close();
        }
    }

    @Test
    void requireAuth_asksForAKey_refusesAWrongSecret_andSignsWithTheRightOne() {
        page.open(server.endpoint(), "");
        assertThat(page.find("sign-in").isDisplayed()).isTrue();
        assertThat(page.find("workspace").isDisplayed()).isFalse();
        assertThat(page.find("signing").getText()).contains("WebCrypto");

        page.type("access-key-id", "AKIDLOCAL");
        page.type("secret-access-key", "not-the-secret");
        page.find("secret-access-key").sendKeys(Keys.ENTER);
        page.waitForText("sign-in-error", "InvalidSignatureException");

        page.type("secret-access-key", "local-secret");
        page.find("secret-access-key").sendKeys(Keys.ENTER);
        page.waitUntilVisible("workspace");
        assertThat(page.find("who").getText()).contains("AKIDLOCAL");
        assertThat(page.all(".table-link")).extracting(e -> e.getText()).containsExactly("private");

        // The same tab, now signing with the page's own SHA-256 and HMAC instead of WebCrypto.
        page.open(server.endpoint(), "?signing=portable#private");
        page.waitForText("table-name", "private");
        assertThat(page.find("who").getText()).contains("AKIDLOCAL");
        assertThat(script("return Sigv4.signing")).asString().startsWith("built-in SHA-256");

        page.find("sign-out").click();
        page.waitUntilVisible("sign-in");
    }

    @Test
    void theOwnSha256AndHmac_agreeWithWebCryptoAndTheStandardVectors() {
        page.open(server.endpoint(), "");
        Object result = ((JavascriptExecutor) page.driver())
                .executeAsyncScript(
                        """
                const done = arguments[arguments.length - 1];
                (async () => {
                  const { portable, webCrypto, utf8, hex } = Sigv4;
                  const out = [hex(await portable.sha256(utf8('abc'))), hex(await portable.sha256(utf8('')))];
                  const key = utf8('k'.repeat(100));
                  for (const n of [0, 1, 55, 56, 63, 64, 65, 119, 1000, 70000]) {
                    const text = utf8('é€😀x'.repeat(n).slice(0, n));
                    out.push(hex(await portable.sha256(text)) === hex(await webCrypto.sha256(text)));
                    out.push(hex(await portable.hmac(key, text)) === hex(await webCrypto.hmac(key, text)));
                    out.push(hex(await portable.hmac(utf8('short'), text)) === hex(await webCrypto.hmac(utf8('short'), text)));
                  }
                  return out;
                })().then(done, (e) => done(String(e)));
                """);
        assertThat(result).isInstanceOf(List.class);
        List<?> answers = (List<?>) result;
        assertThat(answers.get(0)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(answers.get(1)).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(answers.subList(2, answers.size())).hasSize(30).allMatch(Boolean.TRUE::equals);
    }

    private static Object script(String code) {
        return ((JavascriptExecutor) page.driver()).executeScript(code);
    }
}
