drop table ${owner}_users;
