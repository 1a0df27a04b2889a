package io.restmachine.orm.dynamodb;

import io.restmachine.dynamodb.embedded.peer.PeerCheck;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Sealed repositories against moto's server. */
class MotoSealedTest extends SealedContract {
    @RegisterExtension
    static final PeerCheck PEER = PeerCheck.MOTO;

    MotoSealedTest() {
        super(Server.moto());
    }
}
