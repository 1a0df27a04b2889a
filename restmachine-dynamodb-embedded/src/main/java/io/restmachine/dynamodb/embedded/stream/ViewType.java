package io.restmachine.dynamodb.embedded.stream;

/** What a stream record holds of the item it describes ({@code StreamViewType}). */
public enum ViewType {
    KEYS_ONLY(false, false),
    NEW_IMAGE(false, true),
    OLD_IMAGE(true, false),
    NEW_AND_OLD_IMAGES(true, true);

    private final boolean oldImage;
    private final boolean newImage;

    ViewType(boolean oldImage, boolean newImage) {
        this.oldImage = oldImage;
        this.newImage = newImage;
    }

    /** Whether records of this view carry the item as it was before the write. */
    public boolean oldImage() {
        return oldImage;
    }

    /** Whether records of this view carry the item as it is after the write. */
    public boolean newImage() {
        return newImage;
    }
}
