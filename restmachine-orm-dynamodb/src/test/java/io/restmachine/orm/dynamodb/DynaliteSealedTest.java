package io.restmachine.orm.dynamodb;

import io.restmachine.dynamodb.embedded.peer.PeerCheck;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sealed repositories against dynalite, which lacks transactions. */
class DynaliteSealedTest extends SealedContract {
    @RegisterExtension
    static final PeerCheck PEER = PeerCheck.DYNALITE;

    DynaliteSealedTest() {
        super(Server.dynalite());
    }
}
