package com.nightshift.orders;

import java.util.ArrayList;
import java.util.List;

/**
 * The names a synthetic chain trades under: stores such as 北京朝阳店, about two thousand products and the
 * five sales channels. Deterministic, so that the same request always describes the same chain.
 */
public final class ChainCatalogue {

    /** Sales channels and their share of orders, in per mille. */
    public static final List<Channel> CHANNELS = List.of(
            new Channel("堂食", 400),
            new Channel("美团外卖", 250),
            new Channel("饿了么", 150),
            new Channel("小程序", 120),
            new Channel("团购", 80));

    private static final String[] CITIES_AND_DISTRICTS = {
            "北京朝阳", "北京海淀", "北京东城", "北京西城", "北京丰台", "北京通州", "北京昌平", "北京大兴",
            "上海浦东", "上海徐汇", "上海静安", "上海黄浦", "上海长宁", "上海闵行", "上海宝山", "上海杨浦",
            "广州天河", "广州越秀", "广州海珠", "广州番禺", "广州白云", "深圳南山", "深圳福田", "深圳罗湖",
            "深圳宝安", "深圳龙岗", "杭州西湖", "杭州滨江", "杭州余杭", "杭州拱墅", "成都锦江", "成都武侯",
            "成都高新", "成都青羊", "成都金牛", "武汉江汉", "武汉洪山", "武汉武昌", "南京鼓楼", "南京玄武",
            "南京江宁", "南京秦淮", "西安雁塔", "西安碑林", "西安未央", "重庆渝中", "重庆江北", "重庆南岸",
            "天津和平", "天津南开", "苏州姑苏", "苏州工业园", "长沙岳麓", "长沙芙蓉", "郑州金水", "郑州二七",
            "青岛市南", "青岛崂山", "厦门思明", "厦门湖里", "合肥蜀山", "合肥包河", "济南历下", "济南槐荫",
            "沈阳和平", "沈阳沈河", "大连中山", "昆明五华", "贵阳云岩", "南宁青秀", "福州鼓楼", "宁波鄞州",
            "无锡梁溪", "佛山禅城", "东莞南城", "珠海香洲", "哈尔滨道里", "长春朝阳", "石家庄长安", "太原小店",
            "南昌东湖", "兰州城关", "海口龙华", "三亚吉阳", "呼和浩特新城", "乌鲁木齐天山", "银川兴庆", "西宁城西",
            "拉萨城关", "温州鹿城", "绍兴越城", "嘉兴南湖", "常州天宁", "徐州云龙", "烟台芝罘", "潍坊奎文",
            "洛阳西工", "襄阳樊城", "宜昌西陵", "桂林秀峰"};

    private static final String[] STORE_SUFFIXES = {"店", "二店", "三店", "四店", "五店"};

    private static final String[] DISHES = {
            "牛肉面", "鸡汤面", "炸酱面", "担担面", "酸辣粉", "米线", "水饺", "锅贴", "小笼包", "生煎包",
            "肉夹馍", "煎饼果子", "黄焖鸡", "宫保鸡丁", "鱼香肉丝", "麻婆豆腐", "回锅肉", "红烧肉", "糖醋里脊", "水煮鱼",
            "酸菜鱼", "烤鸭卷", "蛋炒饭", "扬州炒饭", "卤肉饭", "咖喱饭", "石锅拌饭", "盖浇饭", "砂锅粥", "皮蛋瘦肉粥",
            "凉皮", "凉面", "春卷", "烧卖", "叉烧包", "奶黄包", "蛋挞", "珍珠奶茶", "柠檬茶", "豆浆",
            "酸梅汤", "杨枝甘露", "红豆冰", "绿豆沙", "椰汁", "鲜榨橙汁", "冰美式", "拿铁", "抹茶拿铁", "桂花乌龙"};

    private static final String[] VARIANTS = {
            "招牌", "经典", "特辣", "微辣", "清汤", "红烧", "香辣", "蒜香", "黑椒", "番茄",
            "芝士", "藤椒", "酸甜", "川味", "粤式", "湘味", "东北", "台式", "港式", "日式",
            "韩式", "泰式", "秘制", "家常", "加量", "小份", "双拼", "三鲜", "素", "儿童",
            "老坛", "金汤", "麻辣", "孜然", "葱油", "椒盐", "酱香", "原味", "低糖", "限定"};

    private ChainCatalogue() {
    }

    /** The first {@code count} store names; past the listed districts, second and later branches follow. */
    public static List<String> stores(int count) {
        List<String> stores = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String place = CITIES_AND_DISTRICTS[i % CITIES_AND_DISTRICTS.length];
            int branch = i / CITIES_AND_DISTRICTS.length;
            String suffix = branch < STORE_SUFFIXES.length ? STORE_SUFFIXES[branch] : (branch + 1) + "号店";
            stores.add(place + suffix);
        }
        return stores;
    }

    /** Every product name: each dish in each variant, about two thousand. */
    public static List<String> products() {
        List<String> products = new ArrayList<>(DISHES.length * VARIANTS.length);
        for (String variant : VARIANTS) {
            for (String dish : DISHES) {
                products.add(variant + dish);
            }
        }
        return products;
    }

    public record Channel(String name, int perMille) {
    }
}
