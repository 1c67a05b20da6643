// End-to-end tests wait on real brokers, databases and mail servers.
jest.setTimeout(180_000);
