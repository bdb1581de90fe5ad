package dev.devicescripts.application.query;

import static dev.devicescripts.application.collections.ScriptCollection.CREATED_DATE_TIME;
import static dev.devicescripts.application.collections.ScriptCollection.DISPLAY_NAME;
import static dev.devicescripts.application.collections.ScriptCollection.ID;
import static dev.devicescripts.application.collections.ScriptCollection.ROLE_SCOPE_TAG_IDS;
import static dev.devicescripts.application.collections.ScriptCollection.SCRIPTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntitySetTest {
    private record Item(String name, String note) {
    }

    private static final Property<Item> NAME = Property.of("name", ValueType.STRING, Item::name);
    private static final Property<Item> NOTE = Property.<Item>of("note", ValueType.STRING, Item::note).nullable();

    @Test
    void propertiesAreFoundByNameIgnoringCaseAndOnlySelectOnesNeitherFilterNorSort() {
        assertThat(SCRIPTS.property("DISPLAYNAME")).contains(DISPLAY_NAME);
        assertThat(SCRIPTS.property("nope")).isEmpty();
        assertThat(SCRIPTS.filterable()).contains(DISPLAY_NAME, CREATED_DATE_TIME)
                .doesNotContain(ID, ROLE_SCOPE_TAG_IDS);
        assertThat(SCRIPTS.sortable()).isEqualTo(SCRIPTS.filterable());
    }

    @Test
    void theKeyMustBeADeclaredPropertyThatIsNeverNull() {
        assertThatThrownBy(() -> new EntitySet<>("item", List.of(NAME), NOTE, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EntitySet<>("item", List.of(NAME, NOTE), NOTE, List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new EntitySet<>("item", List.of(NAME, NOTE), NAME, List.of(), List.of()).key()).isEqualTo(NAME);
    }

    @Test
    void aListTheClientDoesNotOrderTakesTheDefaultOrder() {
        assertThat(SCRIPTS.orderOrDefault(List.of())).containsExactly(SortKey.ascending(CREATED_DATE_TIME));
        assertThat(SCRIPTS.orderOrDefault(List.of(new SortKey<>(DISPLAY_NAME, true))))
                .containsExactly(new SortKey<>(DISPLAY_NAME, true));
    }

    @Test
    void aListPropertyCanNeitherBeFilteredNorOrdered() {
        assertThatThrownBy(() -> new Filter.Comparison<>(ROLE_SCOPE_TAG_IDS, Filter.Operator.EQ, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ROLE_SCOPE_TAG_IDS.isFilterable()).isFalse();
    }

    @Test
    void aListPropertyMayOptIntoAnyButIsNeverOrdered() {
        Property<Item> tags = Property.<Item>of("tags", ValueType.STRING_LIST, item -> List.of(item.name()))
                .filterableByAny();
        assertThat(tags.isFilterable()).isTrue();
        assertThat(tags.isSortable()).isFalse();
        assertThat(new Filter.AnyEquals<>(tags, "ANVIL").matches(new Item("anvil", null))).isTrue();
        assertThatThrownBy(NAME::filterableByAny).isInstanceOf(IllegalArgumentException.class);
    }
}
