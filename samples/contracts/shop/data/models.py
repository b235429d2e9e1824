from shop.util.money import Money


class Order:
    total: Money
