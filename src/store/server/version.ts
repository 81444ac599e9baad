/** The Redis version this store answers as (INFO, HELLO, LOLWUT...). */
export const REDIS_VERSION = '7.0.15';
