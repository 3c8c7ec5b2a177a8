drop table strict_things;
