package io.restmachine.orm.model.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SnakeCaseTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "userId, user_id",
        "createdAt, created_at",
        "id, id",
        "httpURL, http_url",
        "httpURLText, http_url_text",
        "line2Text, line2_text",
        "URL, url",
        "already_snake, already_snake",
        "aB, a_b",
        "Name, name",
    })
    void snakeCase_namesFieldsAsPythonModelsDo(String java, String python) {
        assertThat(PropertyReader.snakeCase(java)).isEqualTo(python);
    }
}
