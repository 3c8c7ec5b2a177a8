create type industry as enum ('fintech', 'retail');
