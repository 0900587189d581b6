package dev.aiperf.plugin;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.aiperf.plugin.internal.Names;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serial;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A named enum type built at run time, the Java form of the original's generated {@code StrEnum}:
 * either over the type names registered in a category ({@link PluginRegistry#createEnum}: member
 * {@code MY_CUSTOM} has value {@code my_custom}), or from explicit members ({@link #of(String, Map)}).
 *
 * <p>Like a string enum, a {@link Member}'s {@code toString()} and JSON form are its value. Members
 * are {@link Serializable} and deserialise to the canonical member: the one of the enum of that
 * name most recently created in this JVM (or, when that enum has no such member, of an enum rebuilt
 * from the serialised members), so {@code ==} keeps working across a round trip.
 *
 * <p>Immutable and thread-safe.
 */
public final class DynamicEnum implements Iterable<DynamicEnum.Member>, Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    // The latest enum created under each name: where deserialised members resolve to.
    private static final Map<String, DynamicEnum> CANONICAL = new ConcurrentHashMap<>();

    private final String name;
    private final String category;
    private final transient Map<String, Member> byName;
    private final transient Map<String, Member> byValue;

    private DynamicEnum(String name, String category, Map<String, String> members) {
        this.name = requireText(name, "enum name");
        this.category = category;
        Map<String, Member> names = new LinkedHashMap<>();
        Map<String, Member> values = new LinkedHashMap<>();
        for (Map.Entry<String, String> member : members.entrySet()) {
            String memberName = requireText(member.getKey(), "member name");
            String value = Objects.requireNonNull(member.getValue(), "value of member " + memberName);
            Member created = new Member(this, memberName, value, names.size());
            if (names.putIfAbsent(memberName, created) != null || values.putIfAbsent(value, created) != null) {
                throw new IllegalArgumentException("enum " + name + ": member " + memberName + " = '" + value
                        + "' repeats a member name or value");
            }
        }
        this.byName = Collections.unmodifiableMap(names);
        this.byValue = Collections.unmodifiableMap(values);
        CANONICAL.put(this.name, this);
    }

    /**
     * An enum of explicit members, member name to value, in the map's iteration order (use a
     * {@link LinkedHashMap} or {@link Map#of} order does not matter to you).
     *
     * @throws IllegalArgumentException when a name is blank or a name or value repeats
     */
    public static DynamicEnum of(String enumName, Map<String, String> members) {
        return new DynamicEnum(enumName, null, members);
    }

    /** An enum over type names: member {@code MY_TYPE} has value {@code my_type}. */
    static DynamicEnum ofTypeNames(String enumName, String category, List<String> typeNames) {
        Map<String, String> members = new LinkedHashMap<>();
        typeNames.forEach(type -> members.put(type.toUpperCase(Locale.ROOT), type));
        return new DynamicEnum(enumName, category, members);
    }

    /** {@code my_category} gives {@code MyCategoryType}. */
    static String defaultName(String category) {
        StringBuilder name = new StringBuilder();
        for (String part : category.split("_")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.append("Type").toString();
    }

    /** The enum's name, e.g. {@code EndpointType}. */
    public String name() {
        return name;
    }

    /** The category whose type names the members are, or empty for an enum of explicit members. */
    public Optional<String> category() {
        return Optional.ofNullable(category);
    }

    /** The members, in declaration order. */
    public List<Member> members() {
        return List.copyOf(byName.values());
    }

    /** The members' values, in declaration order. */
    public List<String> values() {
        return List.copyOf(byValue.keySet());
    }

    @Override
    public Iterator<Member> iterator() {
        return members().iterator();
    }

    /** True when {@link #member(String)} finds a member. */
    public boolean contains(String nameOrValue) {
        return find(nameOrValue).isPresent();
    }

    /**
     * The member with this value or member name; for an enum over type names, a value also matches
     * case-insensitively with {@code -} equal to {@code _}.
     *
     * @throws TypeNotFoundException listing the values and the closest one when there is none
     */
    public Member member(String nameOrValue) {
        return find(nameOrValue).orElseThrow(() -> {
            List<String> values = byValue.keySet().stream().sorted().toList();
            return new TypeNotFoundException(category != null ? category : name, nameOrValue, values,
                    NameSuggestions.closest(nameOrValue, values).orElse(null));
        });
    }

    /** The canonical value of a member given by value or name; see {@link #member(String)}. */
    public String valueOf(String nameOrValue) {
        return member(nameOrValue).value();
    }

    private Optional<Member> find(String nameOrValue) {
        Objects.requireNonNull(nameOrValue, "nameOrValue");
        Member member = byValue.get(nameOrValue);
        if (member == null) {
            member = byName.get(nameOrValue);
        }
        if (member == null && category != null) {
            member = byValue.get(Names.normalize(nameOrValue));
        }
        return Optional.ofNullable(member);
    }

    private Map<String, String> memberMap() {
        Map<String, String> members = new LinkedHashMap<>();
        byName.forEach((memberName, member) -> members.put(memberName, member.value()));
        return members;
    }

    /** Same name, category and members in the same order. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DynamicEnum other && name.equals(other.name) && Objects.equals(category, other.category)
                && new ArrayList<>(memberMap().entrySet()).equals(new ArrayList<>(other.memberMap().entrySet()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, category, memberMap());
    }

    /** {@code EndpointType[chat, completions]}. */
    @Override
    public String toString() {
        return name + values();
    }

    @Serial
    private Object writeReplace() {
        return new Form(name, category, memberMap());
    }

    @Serial
    private void readObject(ObjectInputStream in) throws InvalidObjectException {
        throw new InvalidObjectException("a DynamicEnum is serialised through its serial form");
    }

    /** The serial form of an enum: name, category, members; resolves to the canonical enum. */
    private record Form(String name, String category, Map<String, String> members) implements Serializable {
        @Serial
        private Object readResolve() {
            DynamicEnum latest = CANONICAL.get(name);
            if (latest != null && Objects.equals(latest.category, category) && latest.memberMap().equals(members)) {
                return latest;
            }
            return new DynamicEnum(name, category, members);
        }
    }

    /**
     * One member of a {@link DynamicEnum}: a name ({@code MY_CUSTOM}) and a string value
     * ({@code my_custom}). Its string and JSON forms are the value.
     */
    public static final class Member implements Comparable<Member>, Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final transient DynamicEnum declaringEnum;
        private final String name;
        private final String value;
        private final int ordinal;

        private Member(DynamicEnum declaringEnum, String name, String value, int ordinal) {
            this.declaringEnum = declaringEnum;
            this.name = name;
            this.value = value;
            this.ordinal = ordinal;
        }

        /** The enum this member belongs to. */
        public DynamicEnum declaringEnum() {
            return declaringEnum;
        }

        /** The member's name, e.g. {@code MY_CUSTOM}. */
        public String name() {
            return name;
        }

        /** The member's value, e.g. {@code my_custom}; also its JSON form. */
        @JsonValue
        public String value() {
            return value;
        }

        /** Position in declaration order, from 0. */
        public int ordinal() {
            return ordinal;
        }

        /** Declaration order within one enum; members of different enums compare by enum name first. */
        @Override
        public int compareTo(Member other) {
            int byEnum = declaringEnum.name.compareTo(other.declaringEnum.name);
            return byEnum != 0 ? byEnum : Integer.compare(ordinal, other.ordinal);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Member other && name.equals(other.name) && value.equals(other.value)
                    && declaringEnum.name.equals(other.declaringEnum.name);
        }

        @Override
        public int hashCode() {
            return Objects.hash(declaringEnum.name, name, value);
        }

        /** The value, as for a string enum. */
        @Override
        public String toString() {
            return value;
        }

        @Serial
        private Object writeReplace() {
            return new MemberForm(declaringEnum, name);
        }

        @Serial
        private void readObject(ObjectInputStream in) throws InvalidObjectException {
            throw new InvalidObjectException("a DynamicEnum member is serialised through its serial form");
        }
    }

    /** The serial form of a member: its (already canonical) enum and its name. */
    private record MemberForm(DynamicEnum declaringEnum, String name) implements Serializable {
        @Serial
        private Object readResolve() throws InvalidObjectException {
            Member member = declaringEnum.byName.get(name);
            if (member == null) {
                throw new InvalidObjectException("enum " + declaringEnum.name + " has no member " + name);
            }
            return member;
        }
    }

    private static String requireText(String text, String what) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return text;
    }
}
