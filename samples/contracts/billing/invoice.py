from reports import summary
