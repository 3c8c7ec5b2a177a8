create type industry as enum ('tech', 'retail');
alter type industry add value 'media' before 'retail';
