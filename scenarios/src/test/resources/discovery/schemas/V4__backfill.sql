UPDATE billing.invoices SET amount = round(amount, 2);
