package io.restmachine.orm.dynamodb;

/** Sealed repositories against dynalite, which lacks transactions. */
class DynaliteSealedTest extends SealedContract {
    DynaliteSealedTest() {
        super(Server.dynalite());
    }
}
