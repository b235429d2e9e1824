from shop.ui.widgets import Money
