package io.restmachine.orm.bench.model;

import software.amazon.awssdk.enhanced.dynamodb.mapper.annotations.DynamoDbBean;

/** {@link Address} as an Enhanced Client bean. */
@DynamoDbBean
public class AddressBean {
    private String street = "";
    private String city = "";
    private String zip = "";

    /** An empty address (the Enhanced Client needs a no-argument constructor). */
    public AddressBean() {}

    /** The same address as {@link Address}. */
    public static AddressBean of(Address address) {
        AddressBean bean = new AddressBean();
        bean.street = address.street();
        bean.city = address.city();
        bean.zip = address.zip();
        return bean;
    }

    public String getStreet() {
        return street;
    }

    public void setStreet(String street) {
        this.street = street;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public String getZip() {
        return zip;
    }

    public void setZip(String zip) {
        this.zip = zip;
    }
}
