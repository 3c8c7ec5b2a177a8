-- The second statement fails: the first must not stay undone.
drop table kept;
drop table not_there;
