package io.restmachine.orm.model.internal;

import io.restmachine.orm.SchemaException;
import io.restmachine.orm.convert.AttributeConverter;
import io.restmachine.orm.convert.internal.Codec;
import io.restmachine.orm.convert.internal.CodecRegistry;
import io.restmachine.orm.spi.ItemLayout;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Builds and caches the {@link EntityModel} of model classes and the shapes of nested documents,
 * checking everything that could make a model unusable and throwing {@link SchemaException}s that
 * name the class, the member and the fix. Thread-safe; each class is built once.
 *
 * <p>The work is split by job: {@link ShapeReader} finds a class's members, {@link PropertyReader}
 * reads each into a property, {@link EntityReader} adds keys ({@link KeyReader}) and hooks.
 */
public final class ModelFactory {
    private final CodecRegistry codecs;
    private final ShapeReader shapes;
    private final EntityReader entities;
    private final Map<Class<?>, EntityModel<?>> models = new ConcurrentHashMap<>();
    private final Map<Class<?>, Codec> documents = new HashMap<>();
    private final Set<Class<?>> building = new HashSet<>();

    /** A factory for models stored with this layout and these custom converters. */
    public ModelFactory(ItemLayout layout, Map<Class<?>, AttributeConverter<?>> converters) {
        this.codecs = new CodecRegistry(converters, this::documentCodec, layout.format());
        this.shapes = new ShapeReader(layout, new PropertyReader(codecs, layout.format()));
        this.entities = new EntityReader(layout, shapes);
    }

    /** The codecs, for values given in conditions and updates. */
    public CodecRegistry codecs() {
        return codecs;
    }

    /** The model of a class, built on first use; {@link SchemaException} if it can't be mapped. */
    @SuppressWarnings("unchecked")
    public <T> EntityModel<T> model(Class<T> type) {
        EntityModel<?> known = models.get(type);
        if (known != null) {
            return (EntityModel<T>) known;
        }
        synchronized (this) {
            known = models.get(type);
            if (known == null) {
                if (isSealed(type)) {
                    throw new SchemaException(type.getName() + " is sealed, not a model: its concrete types are. Fix:"
                            + " use repository(" + type.getSimpleName() + ".class) to read and write all of them,"
                            + " or name one of " + sealed(type).names() + " here.");
                }
                known = entities.read(type);
                models.put(type, known);
            }
            return (EntityModel<T>) known;
        }
    }

    /** Whether a class is a sealed interface or abstract class, mapped as the models of its concrete subtypes. */
    public static boolean isSealed(Class<?> type) {
        return SealedTypes.isSealedRoot(type);
    }

    /**
     * The models of every concrete type of a sealed interface or abstract class (through nested
     * sealed types); {@link SchemaException} naming the types if one can't be mapped, is
     * non-sealed, or shares its entity type with another.
     */
    @SuppressWarnings("unchecked")
    public <T> ModelChoice<T> sealed(Class<T> root) {
        List<EntityModel<? extends T>> out = new ArrayList<>();
        for (Class<?> type : SealedTypes.concreteTypes(root)) {
            try {
                out.add((EntityModel<? extends T>) model(type));
            } catch (SchemaException e) {
                throw new SchemaException(
                        root.getName() + ": the permitted type " + type.getName() + " can't be mapped: "
                                + e.getMessage(),
                        e);
            }
        }
        return ModelChoice.of(root, out);
    }

    private synchronized @Nullable Codec documentCodec(Class<?> type) {
        Codec known = documents.get(type);
        if (known != null) {
            return known;
        }
        if (building.contains(type)) {
            return new LazyDocument(() -> documents.get(type));
        }
        if (!type.isRecord() && ShapeReader.noArgConstructor(type) == null) {
            return null;
        }
        building.add(type);
        try {
            Codec codec = new DocumentCodec(shapes.shape(type, false));
            documents.put(type, codec);
            return codec;
        } finally {
            building.remove(type);
        }
    }

    /** A nested type that contains itself: resolved once its shape is built. */
    private static final class LazyDocument implements Codec {
        private final java.util.function.Supplier<@Nullable Codec> target;

        LazyDocument(java.util.function.Supplier<@Nullable Codec> target) {
            this.target = target;
        }

        private Codec get() {
            Codec c = target.get();
            if (c == null) {
                throw new IllegalStateException("nested type not built");
            }
            return c;
        }

        @Override
        public <V> @Nullable V write(Object value, io.restmachine.orm.spi.ValueFormat<V> to) {
            return get().write(value, to);
        }

        @Override
        public <V> Object read(V value, io.restmachine.orm.spi.ValueFormat<V> from) {
            return get().read(value, from);
        }

        @Override
        public Object coerce(Object value) {
            return get().coerce(value);
        }

        @Override
        public String describe() {
            return "nested document";
        }
    }
}
