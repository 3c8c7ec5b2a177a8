CREATE INDEX campaigns_platform ON campaigns (platform);
