/**
 * A {@link io.camssdk.duplicate.DuplicateStore} on Redis through Lettuce: {@link io.camssdk.redis.RedisDuplicateStore},
 * shared by every instance of a business system, on a standalone server or a Redis Cluster.
 */
package io.camssdk.redis;
