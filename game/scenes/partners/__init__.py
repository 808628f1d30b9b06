"""The partner screens: the roster of partners, the negotiation room and the ledger of agreements."""
