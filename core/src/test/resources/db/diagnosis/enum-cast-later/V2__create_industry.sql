CREATE TYPE industry AS ENUM ('tech', 'media', 'retail');
