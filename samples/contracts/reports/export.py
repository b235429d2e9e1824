from vendor import pdf
