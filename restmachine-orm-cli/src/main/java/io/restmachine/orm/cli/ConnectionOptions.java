package io.restmachine.orm.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProviderChain;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.EnvironmentVariableCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.credentials.SystemPropertyCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * {@code --endpoint} and {@code --region}: where the command sends its requests.
 *
 * <p>Without {@code --endpoint} the AWS SDK's default chains pick region and credentials, as the AWS
 * CLI does. With {@code --endpoint} (a local or DynamoDB-compatible server) the command never asks
 * the EC2 instance metadata service: the region comes from {@code --region}, {@code AWS_REGION},
 * {@code AWS_DEFAULT_REGION} or the profile, else {@code us-east-1}; credentials from the
 * environment or the profile, else a fixed placeholder pair (local servers accept any).
 */
final class ConnectionOptions {

    @Option(
            names = "--endpoint",
            paramLabel = "URL",
            description = "DynamoDB endpoint, e.g. http://127.0.0.1:8000 (default: AWS for the region)")
    @Nullable
    String endpoint;

    @Option(
            names = "--region",
            paramLabel = "REGION",
            description = "AWS region (default: the AWS SDK's chain: AWS_REGION, profile, ...)")
    @Nullable
    String region;

    /** Opens a client, runs the work, closes the client, and turns SDK failures into one-line errors. */
    <T> T call(@Nullable String table, Function<DynamoDbClient, T> work) {
        try (DynamoDbClient client = client()) {
            return work.apply(client);
        } catch (SdkException e) {
            throw Failures.translate(e, describeEndpoint(), table);
        }
    }

    /** Where the requests go, for messages. */
    String describeEndpoint() {
        return endpoint != null ? endpoint : "AWS DynamoDB" + (region != null ? " in " + region : "");
    }

    private DynamoDbClient client() {
        var builder = DynamoDbClient.builder();
        Optional<URI> uri = endpointUri();
        uri.ifPresent(builder::endpointOverride);
        builder.region(region(uri.isPresent()));
        builder.credentialsProvider(credentials(uri.isPresent()));
        return builder.build();
    }

    private Optional<URI> endpointUri() {
        if (endpoint == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(endpoint);
            if (uri.getScheme() == null
                    || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw CliException.badInput(
                        "--endpoint '" + endpoint + "' is not an http(s) URL; write it like http://127.0.0.1:8000");
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            throw CliException.badInput("--endpoint '" + endpoint + "' is not a URL (" + e.getReason()
                    + "); write it like http://127.0.0.1:8000");
        }
    }

    private Region region(boolean customEndpoint) {
        if (region != null) {
            return Region.of(region);
        }
        for (String variable : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
            String value = System.getenv(variable);
            if (value != null && !value.isBlank()) {
                return Region.of(value.trim());
            }
        }
        String property = System.getProperty("aws.region");
        if (property != null && !property.isBlank()) {
            return Region.of(property.trim());
        }
        if (customEndpoint) {
            try {
                return new AwsProfileRegionProvider().getRegion();
            } catch (SdkException noProfileRegion) {
                return Region.US_EAST_1;
            }
        }
        try {
            return new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkException e) {
            throw CliException.badInput("no AWS region is configured: pass --region us-east-1 (or set AWS_REGION), "
                    + "or --endpoint for a local server");
        }
    }

    private static AwsCredentialsProvider credentials(boolean customEndpoint) {
        if (!customEndpoint) {
            return DefaultCredentialsProvider.builder().build();
        }
        return AwsCredentialsProviderChain.builder()
                .reuseLastProviderEnabled(true)
                .credentialsProviders(
                        SystemPropertyCredentialsProvider.create(),
                        EnvironmentVariableCredentialsProvider.create(),
                        ProfileCredentialsProvider.create(),
                        StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
    }
}
