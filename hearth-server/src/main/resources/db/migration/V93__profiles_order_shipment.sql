-- Carrier, tracking and expected delivery as the shop reports them on its order events.
alter table profiles_order
    add column carrier text,
    add column tracking_number text,
    add column tracking_url text,
    add column estimated_delivery date;
