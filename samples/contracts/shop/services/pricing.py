"""Reaches the ui layer through shop.util, which is in no layer."""
import shop.util.money
