import billing.ledger
