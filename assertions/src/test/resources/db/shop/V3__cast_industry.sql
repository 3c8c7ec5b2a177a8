alter table companies alter column industry type industry using industry::industry;
