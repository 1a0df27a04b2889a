package io.restmachine.orm.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.restmachine.orm.ItemValue;
import io.restmachine.orm.Repository;
import io.restmachine.orm.SchemaException;
import io.restmachine.orm.fixture.Fixtures;
import io.restmachine.orm.fixture.RecordingStore;
import io.restmachine.orm.fixture.TodoItem;
import io.restmachine.orm.spi.ReadPage;
import io.restmachine.orm.spi.ReadRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ViewSelectTest {
    private final RecordingStore store = new RecordingStore();
    private final Repository<TodoItem> todos = Fixtures.orm(store).repository(TodoItem.class);

    record Title(String todoId, String title) {}

    record Misnamed(String todoId, String heading) {}

    record MistypedTitle(String todoId, Integer title) {}

    @Test
    void selectOfAView_projectsItsComponents_andReadsIntoTheRecord() {
        store.answer(new ReadPage(
                RecordingStore.items(Map.of(
                        "entity_type", ItemValue.s("TodoItem"),
                        "todoId", ItemValue.s("t1"),
                        "title", ItemValue.s("Write"))),
                null,
                1,
                1));

        List<Title> titles =
                todos.where().eq("userId", "alice").select(Title.class).list();

        assertThat(titles).containsExactly(new Title("t1", "Write"));
        ReadRequest sent = (ReadRequest) store.last().arg(0);
        assertThat(sent.projection().names()).containsValues("todoId", "title").doesNotContainValue("userId");
    }

    @Test
    void aViewWhoseComponentsAreNotFieldsOfTheModel_failsNamingThem() {
        assertThatThrownBy(() -> todos.where().select(Misnamed.class))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("heading");
        assertThatThrownBy(() -> todos.where().select(MistypedTitle.class))
                .isInstanceOf(SchemaException.class)
                .hasMessageContaining("component 'title' of MistypedTitle is Integer");
    }
}
