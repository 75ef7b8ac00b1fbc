-- Run once by the postgres image on an empty volume (mounted into /docker-entrypoint-initdb.d/).
-- One database and one owner per service, as in docs/runtime-contract.md (and as deploy/acceso creates them).
CREATE ROLE acceso_request LOGIN PASSWORD 'acceso';
CREATE DATABASE acceso_request OWNER acceso_request;
CREATE ROLE acceso_deadline LOGIN PASSWORD 'acceso';
CREATE DATABASE acceso_deadline OWNER acceso_deadline;
CREATE ROLE acceso_notification LOGIN PASSWORD 'acceso';
CREATE DATABASE acceso_notification OWNER acceso_notification;
CREATE ROLE acceso_register LOGIN PASSWORD 'acceso';
CREATE DATABASE acceso_register OWNER acceso_register;
