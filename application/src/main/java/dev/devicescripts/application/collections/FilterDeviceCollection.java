package dev.devicescripts.application.collections;

import static dev.devicescripts.application.query.ValueType.BOOLEAN;
import static dev.devicescripts.application.query.ValueType.INTEGER;

import dev.devicescripts.application.query.EntitySet;
import dev.devicescripts.application.query.Filter;
import dev.devicescripts.application.query.Filter.Comparison;
import dev.devicescripts.application.query.Filter.Operator;
import dev.devicescripts.application.query.Filter.StringFunction;
import dev.devicescripts.application.query.Property;
import dev.devicescripts.domain.directory.ManagedDevice;
import dev.devicescripts.domain.filter.DeviceField;
import dev.devicescripts.domain.filter.FilterPlatform;
import dev.devicescripts.domain.filter.FilterProperty;
import dev.devicescripts.domain.filter.FilterRule;
import dev.devicescripts.domain.filter.Operand;
import dev.devicescripts.domain.filter.OsVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * Managed devices as assignment filter rules and their preview see them: the stored properties rules read, under
 * the names of {@link ManagedDeviceCollection}, and the ones Graph does not serve (isTpmAttested, the parts of the
 * osVersion). Not a Graph collection: queries over it come from rules, never from a client's $filter.
 */
public final class FilterDeviceCollection {
    public static final Property<ManagedDevice> IS_TPM_ATTESTED =
            Property.of("isTpmAttested", BOOLEAN, ManagedDevice::isTpmAttested).nullable();
    /** The parts of osVersion as {@link OsVersion} parses it, missing ones 0; all null when it does not parse. */
    public static final Property<ManagedDevice> OS_VERSION_PART_1 = versionPart(1);
    public static final Property<ManagedDevice> OS_VERSION_PART_2 = versionPart(2);
    public static final Property<ManagedDevice> OS_VERSION_PART_3 = versionPart(3);
    public static final Property<ManagedDevice> OS_VERSION_PART_4 = versionPart(4);
    private static final List<Property<ManagedDevice>> VERSION_PARTS =
            List.of(OS_VERSION_PART_1, OS_VERSION_PART_2, OS_VERSION_PART_3, OS_VERSION_PART_4);

    /** In id order unless the query orders them, as managedDevices. */
    public static final EntitySet<ManagedDevice> FILTER_DEVICES = new EntitySet<>("managedDevice", List.of(
            ManagedDeviceCollection.ID, ManagedDeviceCollection.DEVICE_NAME, ManagedDeviceCollection.OPERATING_SYSTEM,
            ManagedDeviceCollection.MANUFACTURER, ManagedDeviceCollection.MODEL,
            ManagedDeviceCollection.DEVICE_CATEGORY_DISPLAY_NAME, ManagedDeviceCollection.ENROLLMENT_PROFILE_NAME,
            ManagedDeviceCollection.OS_VERSION, ManagedDeviceCollection.SKU_NUMBER,
            ManagedDeviceCollection.MANAGED_DEVICE_OWNER_TYPE, ManagedDeviceCollection.JOIN_TYPE,
            ManagedDeviceCollection.PROCESSOR_ARCHITECTURE, ManagedDeviceCollection.USER_PRINCIPAL_NAME,
            IS_TPM_ATTESTED, OS_VERSION_PART_1, OS_VERSION_PART_2, OS_VERSION_PART_3, OS_VERSION_PART_4),
            ManagedDeviceCollection.ID, List.of(), List.of());

    /** Conditions that hold for no device and for every one: ids are never null. */
    private static final Filter<ManagedDevice> NEVER = new Comparison<>(ManagedDeviceCollection.ID, Operator.EQ, null);
    private static final Filter<ManagedDevice> ALWAYS =
            new Comparison<>(ManagedDeviceCollection.ID, Operator.NE, null);

    private FilterDeviceCollection() {
    }

    /** The condition that holds for exactly the devices {@code rule} matches ({@link FilterRule#matches}). */
    public static Filter<ManagedDevice> matching(FilterRule rule) {
        if (rule instanceof FilterRule.And and) {
            return and(matching(and.left()), matching(and.right()));
        }
        if (rule instanceof FilterRule.Or or) {
            return or(matching(or.left()), matching(or.right()));
        }
        return comparison((FilterRule.Comparison) rule);
    }

    /** The condition that holds for the managed devices of the platform (their operatingSystem). */
    public static Filter<ManagedDevice> ofPlatform(FilterPlatform platform) {
        String operatingSystem = switch (platform) {
            case WINDOWS_10_AND_LATER -> "Windows";
            case MAC_OS -> "macOS";
            default -> throw new IllegalArgumentException("No rule table for the platform " + platform.graphName());
        };
        return new Comparison<>(ManagedDeviceCollection.OPERATING_SYSTEM, Operator.EQ, operatingSystem);
    }

    private static Filter<ManagedDevice> comparison(FilterRule.Comparison comparison) {
        FilterProperty property = comparison.property();
        if (property.kind() == FilterProperty.Kind.VERSION) {
            return version(comparison);
        }
        return property.valueTable().isEmpty() ? freeText(comparison) : mapped(comparison);
    }

    /**
     * A free-text property read from its source as it is: the stores compare strings folded, as rules do. A device
     * has no value when the text is null or empty; {@code ""} in a list stands for no value (the domain's decision).
     */
    private static Filter<ManagedDevice> freeText(FilterRule.Comparison comparison) {
        Property<ManagedDevice> source = source(comparison.property().source());
        Filter<ManagedDevice> noValue = new Filter.Or<>(new Comparison<>(source, Operator.EQ, null),
                new Comparison<>(source, Operator.EQ, ""));
        return switch (comparison.operator()) {
            case EQ -> comparison.operand() instanceof Operand.Text text
                    ? new Comparison<>(source, Operator.EQ, text.value()) : noValue;
            case NE -> comparison.operand() instanceof Operand.Text text
                    ? new Comparison<>(source, Operator.NE, text.value()) : new Filter.Not<>(noValue);
            case STARTS_WITH -> new Filter.StringMatch<>(StringFunction.STARTS_WITH, source, operandText(comparison));
            case CONTAINS -> new Filter.StringMatch<>(StringFunction.CONTAINS, source, operandText(comparison));
            case NOT_CONTAINS -> new Filter.Not<>(
                    new Filter.StringMatch<>(StringFunction.CONTAINS, source, operandText(comparison)));
            case IN -> in(source, items(comparison), noValue);
            case NOT_IN -> new Filter.Not<>(in(source, items(comparison), noValue));
            default -> throw new IllegalArgumentException("Not an operator of free text: " + comparison.operator());
        };
    }

    private static Filter<ManagedDevice> in(Property<ManagedDevice> source, List<String> items,
                                            Filter<ManagedDevice> noValue) {
        List<Object> values = items.stream().filter(item -> !item.isEmpty()).<Object>map(item -> item).toList();
        Filter<ManagedDevice> among = values.isEmpty() ? NEVER : new Filter.In<>(source, values);
        return items.contains("") ? or(among, noValue) : among;
    }

    private static String operandText(FilterRule.Comparison comparison) {
        return ((Operand.Text) comparison.operand()).value();
    }

    private static List<String> items(FilterRule.Comparison comparison) {
        return comparison.operand() instanceof Operand.TextList list ? list.values() : List.of(operandText(comparison));
    }

    /**
     * A property whose value its table names from the source's (SKU, ownership, trust type, CPU, TPM): the domain's
     * comparison decides each value the source can hold, and the table's otherwise-value stands for every other one,
     * null included. The source's values are an enumeration's members, true and false, or the table's keys.
     */
    private static Filter<ManagedDevice> mapped(FilterRule.Comparison comparison) {
        FilterProperty property = comparison.property();
        Property<ManagedDevice> source = source(property.source());
        List<Object> known = switch (source.type()) {
            case ENUM -> List.copyOf(source.members());
            case BOOLEAN -> List.of(true, false);
            default -> List.copyOf(property.valueTable().keySet());
        };
        List<Object> accepted = new ArrayList<>();
        for (Object value : known) {
            if (comparison.holdsFor(property.valueOfSource(value))) {
                accepted.add(queryValue(source, value));
            }
        }
        Filter<ManagedDevice> among = accepted.isEmpty() ? NEVER : new Filter.In<>(source, accepted);
        if (!comparison.holdsFor(property.otherwise())) {
            return among;
        }
        if (accepted.size() == known.size()) {
            return ALWAYS;
        }
        Filter<ManagedDevice> other = new Filter.Or<>(new Comparison<>(source, Operator.EQ, null),
                new Filter.Not<>(new Filter.In<>(source, known.stream().map(value -> queryValue(source, value))
                        .toList())));
        return or(among, other);
    }

    /** A table's key as the query model holds values of the source's type: integers as Long. */
    private static Object queryValue(Property<ManagedDevice> source, Object value) {
        return source.type() == INTEGER ? ((Number) value).longValue() : value;
    }

    /**
     * operatingSystemVersion on the parts: equal when all four are, ordered by the first that differs. A device whose
     * osVersion does not parse has null parts, which no comparison holds for, so only {@code ne} holds for it.
     */
    private static Filter<ManagedDevice> version(FilterRule.Comparison comparison) {
        List<Long> parts = ((Operand.Version) comparison.operand()).version().parts();
        return switch (comparison.operator()) {
            case EQ -> equalFrom(parts, 0);
            case NE -> new Filter.Not<>(equalFrom(parts, 0));
            case GT -> beyond(parts, 0, Operator.GT, Operator.GT);
            case GE -> beyond(parts, 0, Operator.GT, Operator.GE);
            case LT -> beyond(parts, 0, Operator.LT, Operator.LT);
            case LE -> beyond(parts, 0, Operator.LT, Operator.LE);
            default -> throw new IllegalArgumentException("Not an operator of versions: " + comparison.operator());
        };
    }

    private static Filter<ManagedDevice> equalFrom(List<Long> parts, int index) {
        Filter<ManagedDevice> equal = new Comparison<>(VERSION_PARTS.get(index), Operator.EQ, parts.get(index));
        return index == OsVersion.PARTS - 1 ? equal : new Filter.And<>(equal, equalFrom(parts, index + 1));
    }

    /** Beyond the version from this part on: {@code strictly} on this part, or equal on it and beyond on the next. */
    private static Filter<ManagedDevice> beyond(List<Long> parts, int index, Operator strictly, Operator last) {
        Property<ManagedDevice> part = VERSION_PARTS.get(index);
        if (index == OsVersion.PARTS - 1) {
            return new Comparison<>(part, last, parts.get(index));
        }
        return new Filter.Or<>(new Comparison<>(part, strictly, parts.get(index)), new Filter.And<>(
                new Comparison<>(part, Operator.EQ, parts.get(index)), beyond(parts, index + 1, strictly, last)));
    }

    private static Property<ManagedDevice> source(DeviceField field) {
        return switch (field) {
            case DEVICE_NAME -> ManagedDeviceCollection.DEVICE_NAME;
            case MANUFACTURER -> ManagedDeviceCollection.MANUFACTURER;
            case MODEL -> ManagedDeviceCollection.MODEL;
            case DEVICE_CATEGORY -> ManagedDeviceCollection.DEVICE_CATEGORY_DISPLAY_NAME;
            case ENROLLMENT_PROFILE_NAME -> ManagedDeviceCollection.ENROLLMENT_PROFILE_NAME;
            case OS_VERSION -> ManagedDeviceCollection.OS_VERSION;
            case SKU_NUMBER -> ManagedDeviceCollection.SKU_NUMBER;
            case OWNER_TYPE -> ManagedDeviceCollection.MANAGED_DEVICE_OWNER_TYPE;
            case JOIN_TYPE -> ManagedDeviceCollection.JOIN_TYPE;
            case PROCESSOR_ARCHITECTURE -> ManagedDeviceCollection.PROCESSOR_ARCHITECTURE;
            case TPM_ATTESTED -> IS_TPM_ATTESTED;
        };
    }

    private static Filter<ManagedDevice> and(Filter<ManagedDevice> left, Filter<ManagedDevice> right) {
        if (left.equals(NEVER) || right.equals(NEVER)) {
            return NEVER;
        }
        return left.equals(ALWAYS) ? right : right.equals(ALWAYS) ? left : new Filter.And<>(left, right);
    }

    private static Filter<ManagedDevice> or(Filter<ManagedDevice> left, Filter<ManagedDevice> right) {
        if (left.equals(ALWAYS) || right.equals(ALWAYS)) {
            return ALWAYS;
        }
        return left.equals(NEVER) ? right : right.equals(NEVER) ? left : new Filter.Or<>(left, right);
    }

    private static Property<ManagedDevice> versionPart(int number) {
        return Property.<ManagedDevice>of("osVersionPart" + number, INTEGER, device -> device.osVersion() == null
                ? null : OsVersion.parse(device.osVersion()).map(version -> version.parts().get(number - 1))
                .orElse(null)).nullable();
    }
}
