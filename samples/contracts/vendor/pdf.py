from billing.ledger import load
