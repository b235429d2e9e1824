"""Pages: the top layer, may import everything below it."""
from shop.services import orders
from shop.data.models import Order
