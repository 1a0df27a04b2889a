package io.restmachine.orm;

/**
 * An item collection holds several items of a type that was read as one ({@link
 * ItemCollection#one}); names the type and how many there are.
 */
public class MultipleItemsException extends OrmException {
    private static final long serialVersionUID = 1L;

    private final String type;
    private final int count;

    public MultipleItemsException(Class<?> type, int count) {
        super("expected at most one " + type.getSimpleName() + " in the item collection, found " + count
                + ": read them with all(" + type.getSimpleName() + ".class), or narrow the sort-key condition");
        this.type = type.getName();
        this.count = count;
    }

    /** The model class name. */
    public String type() {
        return type;
    }

    /** How many items of the type the collection holds. */
    public int count() {
        return count;
    }
}
