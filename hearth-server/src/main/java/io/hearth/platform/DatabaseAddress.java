package io.hearth.platform;

/**
 * How to reach the database, as the schema owner (migrations, maintenance) and as the application
 * role (everything else).
 */
public record DatabaseAddress(String url, String ownerUser, String ownerPassword, String appUser, String appPassword) {

    @Override
    public String toString() {
        return "DatabaseAddress[" + url + ", owner=" + ownerUser + ", app=" + appUser + "]";
    }
}
