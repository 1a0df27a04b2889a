package io.restmachine.dynamodb.embedded.action;

/**
 * What a single-item write (PutItem, DeleteItem, UpdateItem) asks to get back besides its
 * attributes: consumed capacity, item collection metrics ({@code ReturnItemCollectionMetrics=SIZE})
 * and the stored item with a failed condition ({@code ReturnValuesOnConditionCheckFailure=ALL_OLD}).
 */
public record WriteOptions(Capacity.Mode capacity, boolean collectionMetrics, boolean itemOnConditionFailure) {}
